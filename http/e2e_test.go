package http_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/oversight-project/oversight"
)

// chromium finds Debian's Chromium. On CI (CI set) a missing browser fails the test, since
// scripts/test installs it; elsewhere the test is skipped.
func chromium(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("OVERSIGHT_CHROMIUM"), "/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p == "" {
			continue
		}
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium not found: scripts/test installs Debian's chromium package; run it, or set OVERSIGHT_CHROMIUM")
	}
	t.Skip("chromium not found (apt-get install chromium, or run scripts/test)")
	return ""
}

// browser starts a headless Chromium with a fresh profile and no background network.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 900),
	)
	// Chromium has been seen to exit at start once while both cores were busy with other
	// tests ("chrome failed to start"); a second start, with a fresh profile, is tried before
	// the test fails.
	var err error
	for attempt := 1; attempt <= 2; attempt++ {
		opts := append(opts[:len(opts):len(opts)], chromedp.UserDataDir(t.TempDir()))
		actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
		t.Cleanup(cancel)
		ctx, cancel2 := chromedp.NewContext(actx)
		t.Cleanup(cancel2)
		ctx, cancel3 := context.WithTimeout(ctx, 90*time.Second)
		t.Cleanup(cancel3)
		if err = chromedp.Do(ctx); err == nil {
			return ctx
		}
		t.Logf("start chromium, attempt %d: %v", attempt, err)
		cancel3()
		cancel2()
		cancel()
	}
	t.Fatalf("start chromium: %v", err)
	return nil
}

// screenshot keeps a picture of the page when OVERSIGHT_SCREENSHOTS names a folder.
func screenshot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("OVERSIGHT_SCREENSHOTS")
	if dir == "" {
		return
	}
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Errorf("screenshot: %v", err)
		return
	}
	os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644)
}

// tofu lists the characters of a text that the page's font stack draws as the missing-glyph
// box: each is drawn on a canvas and compared with a private-use character no font has.
const tofu = `(text) => {
	const c = document.createElement('canvas'); c.width = 48; c.height = 48;
	const g = c.getContext('2d');
	g.font = '32px ' + getComputedStyle(document.body).fontFamily;
	const draw = s => { g.clearRect(0, 0, 48, 48); g.fillText(s, 4, 36); return g.getImageData(0, 0, 48, 48).data.join(','); };
	const box = draw('\uF8FF');
	return Array.from(text).filter(ch => ch.trim() !== '' && draw(ch) === box);
}`

// unlabelled lists the form controls of the page that have no label.
const unlabelled = `Array.from(document.querySelectorAll('input, select, textarea'))
	.filter(e => e.type !== 'hidden' && e.labels.length === 0 && !e.getAttribute('aria-label'))
	.map(e => e.name || e.id)`

// get runs an action that returns a value, failing the test on error.
func get[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// do runs actions, failing the test on error.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

type css = chromedp.CSS

func TestUI_SearchToEntity(t *testing.T) {
	ts := MustOpenServer(t, false, true)
	ctx := browser(t)
	do(t, ctx, chromedp.Navigate(ts.URL()+"/"), chromedp.WaitVisible(css(`#q`)))
	if missing := get(t, ctx, chromedp.Evaluate[[]string](unlabelled)); len(missing) > 0 {
		t.Errorf("search page: controls without a label: %v", missing)
	}
	do(t, ctx,
		chromedp.SendKeys(css(`#q`), "上海市公安局"),
		chromedp.Submit(css(`#q`)),
		chromedp.WaitVisible(css(`ol.results li a`)),
	)
	href := get(t, ctx, chromedp.AttributeValue(css(`ol.results li a`), "href")).Value
	do(t, ctx, chromedp.Click(css(`ol.results li a`)), chromedp.WaitVisible(css(`table.facts`)))
	title := get(t, ctx, chromedp.Text(css(`h1`)))
	facts := get(t, ctx, chromedp.Text(css(`table.facts`)))
	graphNodes := get(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('figure.graph svg g.node').length`))
	screenshot(t, ctx, "entity")
	if href != "/entities/org-shanghai-psb" || title != "Shanghai Municipal Public Security Bureau" {
		t.Fatalf("first result %s, entity page title %q", href, title)
	}
	if !strings.Contains(facts, "上海市公安局") || !strings.Contains(facts, "source 1") {
		t.Errorf("facts lack the Chinese name or a source link:\n%.500s", facts)
	}
	if missing := get(t, ctx, chromedp.Evaluate[[]string](`(`+tofu+`)("上海市公安局 법무부 Министерство")`)); len(missing) > 0 {
		t.Errorf("characters drawn as missing-glyph boxes: %q (scripts/test installs fonts-noto-cjk)", missing)
	}
	if boxes := get(t, ctx, chromedp.Evaluate[[]string](`(`+tofu+`)("\uE000")`)); len(boxes) != 1 {
		t.Errorf("the missing-glyph check cannot fail: a private-use character was drawn (%q)", boxes)
	}
	if graphNodes < 2 {
		t.Errorf("relation picture has %d nodes, want the entity and its relations", graphNodes)
	}

	// On a phone-sized screen nothing spills sideways.
	do(t, ctx, chromedp.EmulateViewport(390, 844), chromedp.Reload(), chromedp.WaitVisible(css(`table.facts`)))
	overflow := get(t, ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
	screenshot(t, ctx, "entity-phone")
	if overflow {
		t.Errorf("entity page is wider than a 390 px screen")
	}
}

func TestUI_ScreenAndSave(t *testing.T) {
	ts := MustOpenServer(t, false, true)
	ctx := browser(t)
	doc, err := filepath.Abs(filepath.Join("..", "examples", "shanghai-psb-face-recognition.yaml"))
	if err != nil {
		t.Fatal(err)
	}

	// Without a token the screening buttons are disabled and say why.
	do(t, ctx, chromedp.Navigate(ts.URL()+"/screen"))
	if notice := get(t, ctx, chromedp.Text(css(`.notice`))); !strings.Contains(notice, "analyst access") {
		t.Fatalf("notice=%q", notice)
	}

	// A wrong token is refused; an analyst token signs in.
	do(t, ctx,
		chromedp.Navigate(ts.URL()+"/login?next=/screen"),
		chromedp.SendKeys(css(`#token`), "ovs_wrong"),
		chromedp.Submit(css(`#token`)),
		chromedp.WaitVisible(css(`.error`)),
	)
	if msg := get(t, ctx, chromedp.Text(css(`.error`))); !strings.Contains(msg, "Unknown or revoked") {
		t.Fatalf("wrong token: %q", msg)
	}
	do(t, ctx,
		chromedp.SendKeys(css(`#token`), ts.Tokens[oversight.AccessAnalyst]),
		chromedp.Submit(css(`#token`)),
		chromedp.WaitVisible(css(`#file`)),
	)
	if who := get(t, ctx, chromedp.Text(css(`.who`))); !strings.Contains(who, "analyst") {
		t.Errorf("signed-in marker %q", who)
	}
	if missing := get(t, ctx, chromedp.Evaluate[[]string](unlabelled)); len(missing) > 0 {
		t.Errorf("screen page: controls without a label: %v", missing)
	}
	do(t, ctx,
		chromedp.SetUploadFiles(css(`#file`), []string{doc}),
		chromedp.SendKeys(css(`#case`), "LIC-E2E-1"),
		chromedp.Click(css(`button[value=save]`)),
		chromedp.WaitVisible(css(`#verdict`)),
	)
	verdict := get(t, ctx, chromedp.Text(css(`[data-verdict]`)))
	saved := get(t, ctx, chromedp.Text(css(`.saved`)))
	screenshot(t, ctx, "screen")
	if verdict != "LICENCE_REQUIRED" || !strings.Contains(saved, "LIC-E2E-1") {
		t.Fatalf("verdict %q, saved %q", verdict, saved)
	}

	// The case list shows it, and the case page its history.
	do(t, ctx, chromedp.Navigate(ts.URL()+"/cases"), chromedp.WaitVisible(css(`table.cases`)))
	if cases := get(t, ctx, chromedp.Text(css(`table.cases`))); !strings.Contains(cases, "LIC-E2E-1") || !strings.Contains(cases, "licence_required") {
		t.Fatalf("cases:\n%s", cases)
	}
	do(t, ctx, chromedp.Click(css(`table.cases a`)), chromedp.WaitVisible(css(`ol.history`)))
	rep, err := ts.Audit.VerifyAudit(context.Background())
	if err != nil || !rep.OK {
		t.Fatalf("audit after a screening saved in the browser: %+v %v", rep, err)
	}
}
