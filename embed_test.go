//go:build !js

package main

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserEmbedTwoTrainers opens testdata/embed/index.html, a blog post with two
// trainers in <iframe>s configured differently, from a server of its own
// (so the frames are cross-origin, as on a real blog), and trains both at
// once through the postMessage API.
func TestBrowserEmbedTwoTrainers(t *testing.T) {
	blog := httptest.NewServer(http.FileServer(http.Dir("testdata/embed")))
	defer blog.Close()
	tab := NewTab(t)
	tab.URL = blog.URL + "/"
	tab.OpenPath("index.html?site="+url.QueryEscape(SiteURL(t)), "")
	tab.WaitTrue(`embedReady.relu === true && embedReady.poly === true`, readyTimeout)

	frags := Eval[[]string](tab, `Promise.all([call("relu", "settings"), call("poly", "settings")])`)
	if !strings.Contains(frags[0], "act=relu") || !strings.Contains(frags[1], "data=poly") ||
		!strings.Contains(frags[1], "act=tanh") {
		t.Fatalf("the frames run %q and %q, want the configurations of their fragments", frags[0], frags[1])
	}

	start := time.Now()
	r2 := Eval[[]float64](tab, `Promise.all([call("relu", "train"), call("poly", "train")])
		.then((ms) => ms.map((m) => m.valR2))`)
	t.Logf("validation R² %.3f (relu, sine) and %.3f (tanh, poly) after %v", r2[0], r2[1],
		time.Since(start).Round(100*time.Millisecond))
	// Thresholds: a straight line explains about 0.6 of the sine and 0.7 of
	// the quartic; both networks get past 0.85 (ReLU on the sine: 0.91 natively).
	for i, name := range []string{"relu", "poly"} {
		if !(r2[i] >= 0.85) {
			t.Errorf("%s: validation R² %v after training, want at least 0.85", name, r2[i])
		}
	}
	tab.Screenshot("two-trainers")
	tab.CheckConsole()
}

// TestBrowserHideParts opens the page with hide=… and checks that each named
// part takes no room, in the full page and in the embed view, and that
// hiding the three settings panels gives the results the whole width.
func TestBrowserHideParts(t *testing.T) {
	tab := NewTab(t)
	tab.Do(chromedp.EmulateViewport(1280, 900))
	shown := func() map[string]float64 {
		return Eval[map[string]float64](tab, `(() => {
			const w = (sel) => document.querySelector(sel).getBoundingClientRect().width;
			return {header: w(".top"), buttons: w(".run"), export: w(".export"),
				chart: w("#data-chart"), results: w(".results"), layout: w(".layout"),
				numbers: w("#numbers"), note: w("#numbers-note")};
		})()`)
	}
	cases := []struct {
		name, fragment string
		hidden         []string
		shown          []string
	}{
		{"full page", "hide=header,buttons,export", []string{"header", "buttons", "export"},
			[]string{"chart"}},
		{"embed view", "embed=1&hide=buttons", []string{"buttons"}, []string{"header", "chart"}},
		{"nothing hidden", "", nil, []string{"header", "buttons", "export", "chart", "numbers", "note"}},
		// The note under the numbers goes with them.
		{"numbers", "hide=numbers", []string{"numbers", "note"}, []string{"chart"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tab.Do(chromedp.Navigate("about:blank"))
			tab.Open(c.fragment)
			tab.WaitReady()
			got := shown()
			for _, part := range c.hidden {
				if got[part] != 0 {
					t.Errorf("#%s: the %s is %v px wide, want it hidden", c.fragment, part, got[part])
				}
			}
			for _, part := range c.shown {
				if got[part] == 0 {
					t.Errorf("#%s: the %s is hidden, want it shown", c.fragment, part)
				}
			}
		})
	}

	// With data, model and training hidden, no empty column is left: the
	// results are as wide as the layout (1280 px less the body's padding).
	tab.Do(chromedp.Navigate("about:blank"))
	tab.Open("hide=data,model,training")
	tab.WaitReady()
	got := shown()
	if got["results"] < got["layout"]-1 {
		t.Errorf("hide=data,model,training: the results are %v px wide in a %v px layout, "+
			"want the whole width", got["results"], got["layout"])
	}
	tab.Screenshot("hide-settings")
	tab.CheckConsole()
}

// TestBrowserEmbedFromDisk opens, from disk (file://), a post with the
// README's <iframe> pointing at the served site: the frame must load and
// answer "ready". A frame-ancestors * header would refuse it, since * matches
// only network schemes, and leave a blank frame.
func TestBrowserEmbedFromDisk(t *testing.T) {
	dir := t.TempDir()
	post := `<!doctype html><title>post</title><p>My post.</p>
<iframe src="` + SiteURL(t) + `index.html#embed=1&n=200&layers=8" title="netfit"
  width="100%" height="480" style="border:0; max-width:760px"></iframe>
<script>
window.frameReady = false;
addEventListener("message", (e) => { if (e.data && e.data.netfit === "ready") window.frameReady = true; });
</script>`
	if err := os.WriteFile(filepath.Join(dir, "post.html"), []byte(post), 0o644); err != nil {
		t.Fatal(err)
	}
	tab := NewTab(t)
	tab.URL = "file://" + filepath.ToSlash(dir) + "/"
	tab.OpenPath("post.html", "")
	tab.WaitTrue(`window.frameReady === true`, readyTimeout)
	tab.Screenshot("post-from-disk")
	tab.CheckConsole()
}
