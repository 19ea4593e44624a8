# syntax=docker/dockerfile:1
# sdkg in two stages: a Go toolchain builds a static binary, and a distroless
# image without shell or package manager runs it as an unprivileged user.
#   docker build -t sdkg .   (docker-compose.yml does this for `docker compose up`)

ARG GO_VERSION=1.26
FROM golang:${GO_VERSION}-alpine AS build
WORKDIR /src
# Dependencies first, so that editing the code reuses the download layer.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOFLAGS=-buildvcs=false go build -trimpath -ldflags="-s -w" -o /out/sdkg .

FROM gcr.io/distroless/static-debian12:nonroot AS runtime
COPY --from=build /out/sdkg /usr/local/bin/sdkg
# The sample corpus, loaded when SDKG_CORPUS points at it and the store is empty.
COPY --from=build /src/corpus /srv/sdkg/corpus
ENV SDKG_ADDR=0.0.0.0:8080 \
    SDKG_DATA=/home/nonroot/data
EXPOSE 8080
# distroless's "nonroot" user, by number so that runtimes can verify it is not root.
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/sdkg"]
CMD ["serve"]
