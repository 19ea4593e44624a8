package main

// No container engine runs where these tests run, so they check the
// deployment files as data: docker-compose.yml parsed as YAML, Dockerfile and
// .dockerignore as text.

import (
	"os"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// composeFile is the part of the Compose specification these tests read.
type composeFile struct {
	Services map[string]composeService `yaml:"services"`
	Volumes  map[string]any            `yaml:"volumes"`
}

type composeService struct {
	Image       string            `yaml:"image"`
	Build       composeBuild      `yaml:"build"`
	Environment map[string]string `yaml:"environment"`
	Ports       []string          `yaml:"ports"`
	Volumes     []string          `yaml:"volumes"`
	Healthcheck *struct {
		Test []string `yaml:"test"`
	} `yaml:"healthcheck"`
	DependsOn map[string]struct {
		Condition string `yaml:"condition"`
	} `yaml:"depends_on"`
}

type composeBuild struct {
	Context    string `yaml:"context"`
	Dockerfile string `yaml:"dockerfile"`
}

func mustReadCompose(t *testing.T) composeFile {
	t.Helper()
	b, err := os.ReadFile("docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	var c composeFile
	if err := yaml.Unmarshal(b, &c); err != nil {
		t.Fatalf("docker-compose.yml: %v", err)
	}
	return c
}

func mustService(t *testing.T, c composeFile, name string) composeService {
	t.Helper()
	s, ok := c.Services[name]
	if !ok {
		t.Fatalf("docker-compose.yml: no service %q", name)
	}
	return s
}

func TestComposeFile(t *testing.T) {
	c := mustReadCompose(t)
	neo, app := mustService(t, c, "neo4j"), mustService(t, c, "sdkg")

	t.Run("Neo4jCommunity5", func(t *testing.T) {
		if neo.Image != "neo4j:5-community" {
			t.Errorf("neo4j image %q, want neo4j:5-community", neo.Image)
		}
	})
	t.Run("Neo4jHealthcheckRunsCypher", func(t *testing.T) {
		if neo.Healthcheck == nil || len(neo.Healthcheck.Test) < 2 || neo.Healthcheck.Test[0] == "NONE" {
			t.Fatalf("neo4j healthcheck %+v: want a command", neo.Healthcheck)
		}
		if cmd := strings.Join(neo.Healthcheck.Test[1:], " "); !strings.Contains(cmd, "RETURN 1") {
			t.Errorf("neo4j healthcheck %q: want a Cypher query over Bolt", cmd)
		}
	})
	t.Run("Neo4jDataInNamedVolume", func(t *testing.T) {
		if !mountsNamedVolume(c, neo, "/data") {
			t.Errorf("neo4j volumes %q: want a named volume, declared at top level, on /data", neo.Volumes)
		}
	})
	t.Run("AuthFromEnv", func(t *testing.T) {
		if a := neo.Environment["NEO4J_AUTH"]; !strings.HasPrefix(a, "neo4j/${NEO4J_PASSWORD") {
			t.Errorf("NEO4J_AUTH %q: want neo4j/${NEO4J_PASSWORD...}", a)
		}
		if p := app.Environment["NEO4J_PASSWORD"]; !strings.HasPrefix(p, "${NEO4J_PASSWORD") {
			t.Errorf("sdkg NEO4J_PASSWORD %q: want ${NEO4J_PASSWORD...}", p)
		}
	})
	t.Run("SdkgBuiltFromDockerfile", func(t *testing.T) {
		df := app.Build.Dockerfile
		if df == "" {
			df = "Dockerfile"
		}
		if app.Build.Context != "." || df != "Dockerfile" {
			t.Errorf("sdkg build %+v: want context . and Dockerfile", app.Build)
		}
	})
	t.Run("SdkgWaitsForHealthyNeo4j", func(t *testing.T) {
		if got := app.DependsOn["neo4j"].Condition; got != "service_healthy" {
			t.Errorf("sdkg depends_on neo4j condition %q, want service_healthy", got)
		}
	})
	t.Run("SdkgUsesNeo4jService", func(t *testing.T) {
		want := map[string]string{"NEO4J_URI": "bolt://neo4j:7687", "SDKG_STORE": "neo4j", "SDKG_ADDR": "0.0.0.0:8080"}
		for k, v := range want {
			if got := app.Environment[k]; got != v {
				t.Errorf("sdkg %s=%q, want %q", k, got, v)
			}
		}
	})
	t.Run("SdkgPublishes8080", func(t *testing.T) {
		if !slices.ContainsFunc(app.Ports, func(p string) bool { return strings.HasSuffix(p, ":8080") }) {
			t.Errorf("sdkg ports %q: want container port 8080 published", app.Ports)
		}
	})
}

// mountsNamedVolume reports whether s mounts a volume declared in c's
// top-level volumes (not a host path) on target.
func mountsNamedVolume(c composeFile, s composeService, target string) bool {
	for _, v := range s.Volumes {
		src, dst, ok := strings.Cut(v, ":")
		dst, _, _ = strings.Cut(dst, ":") // drop a mode such as :ro
		if _, declared := c.Volumes[src]; ok && declared && dst == target {
			return true
		}
	}
	return false
}

// instruction is one Dockerfile instruction, continuation lines joined.
type instruction struct {
	Cmd  string // upper case: FROM, RUN, USER...
	Args string
}

// parseDockerfile splits text into instructions, dropping comments and blank lines.
func parseDockerfile(text string) []instruction {
	var out []instruction
	var cur strings.Builder
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if cur.Len() == 0 && (line == "" || strings.HasPrefix(line, "#")) {
			continue
		}
		if body, more := strings.CutSuffix(line, "\\"); more {
			cur.WriteString(strings.TrimSpace(body) + " ")
			continue
		}
		cur.WriteString(line)
		cmd, args, _ := strings.Cut(cur.String(), " ")
		out = append(out, instruction{Cmd: strings.ToUpper(cmd), Args: strings.TrimSpace(args)})
		cur.Reset()
	}
	return out
}

// stages groups instructions by the FROM that opens each build stage.
func stages(ins []instruction) [][]instruction {
	var out [][]instruction
	for _, in := range ins {
		if in.Cmd == "FROM" {
			out = append(out, nil)
		}
		if len(out) > 0 {
			out[len(out)-1] = append(out[len(out)-1], in)
		}
	}
	return out
}

// last returns the arguments of the last instruction cmd in stage, or "".
func last(stage []instruction, cmd string) string {
	for i := len(stage) - 1; i >= 0; i-- {
		if stage[i].Cmd == cmd {
			return stage[i].Args
		}
	}
	return ""
}

func TestParseDockerfile(t *testing.T) {
	got := parseDockerfile("# c\nFROM a AS b\n\nRUN x \\\n  y\nuser 1\n")
	want := []instruction{{"FROM", "a AS b"}, {"RUN", "x y"}, {"USER", "1"}}
	if !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestDockerfile(t *testing.T) {
	b, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	st := stages(parseDockerfile(string(b)))
	if len(st) < 2 {
		t.Fatalf("Dockerfile has %d stages, want a build stage and a runtime stage", len(st))
	}
	build, run := st[0], st[len(st)-1]

	t.Run("BuildStageCompilesStatically", func(t *testing.T) {
		if from := last(build, "FROM"); !strings.HasPrefix(from, "golang:") || !strings.Contains(from, " AS build") {
			t.Errorf("first stage FROM %q: want golang:... AS build", from)
		}
		if cmd := last(build, "RUN"); !strings.Contains(cmd, "CGO_ENABLED=0") || !strings.Contains(cmd, "go build") {
			t.Errorf("build RUN %q: want CGO_ENABLED=0 go build", cmd)
		}
	})
	t.Run("SmallRuntimeImage", func(t *testing.T) {
		from := last(run, "FROM")
		if !strings.Contains(from, "distroless") && !strings.Contains(from, "alpine") && !strings.HasPrefix(from, "scratch") {
			t.Errorf("runtime FROM %q: want distroless, alpine or scratch", from)
		}
		if !slices.ContainsFunc(run, func(in instruction) bool {
			return in.Cmd == "COPY" && strings.Contains(in.Args, "--from=build")
		}) {
			t.Error("runtime stage copies nothing from the build stage")
		}
	})
	t.Run("NonRootUser", func(t *testing.T) {
		user := last(run, "USER")
		name, _, _ := strings.Cut(user, ":")
		if user == "" || name == "root" || name == "0" {
			t.Errorf("runtime USER %q: want a non-root user", user)
		}
	})
	t.Run("ServesOnAllInterfaces", func(t *testing.T) {
		if env := last(run, "ENV"); !strings.Contains(env, "SDKG_ADDR=0.0.0.0:8080") {
			t.Errorf("runtime ENV %q: want SDKG_ADDR=0.0.0.0:8080", env)
		}
		if ep, cmd := last(run, "ENTRYPOINT"), last(run, "CMD"); !strings.HasPrefix(ep, "[") || cmd != `["serve"]` {
			t.Errorf("ENTRYPOINT %s CMD %s: want the binary in exec form and CMD [\"serve\"]", ep, cmd)
		}
	})
}

func TestDockerignore(t *testing.T) {
	b, err := os.ReadFile(".dockerignore")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Fields(string(b))
	for _, p := range []string{".git", ".cache"} {
		if !slices.Contains(lines, p) {
			t.Errorf(".dockerignore lacks %s: the build context would carry it", p)
		}
	}
}
