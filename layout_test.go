//go:build !js

package main

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserLayout checks the full page at a laptop's and a small
// window's width: no chart sits alone in part of a row with empty space
// beside it (a chart alone on its row takes the row's width), and the
// Epochs input stays on the line of Batch size.
func TestBrowserLayout(t *testing.T) {
	for _, width := range []int64{1280, 1000} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			tab := NewTab(t)
			tab.Do(chromedp.EmulateViewport(width, 900))
			tab.Open("")
			tab.WaitReady()
			got := Eval[map[string]any](tab, `(() => {
				const box = (e) => e.getBoundingClientRect();
				const row = box(document.querySelector(".chart-row"));
				const charts = [...document.querySelectorAll(".chart-row > .chart")].map(box);
				const rows = {};
				for (const c of charts) (rows[Math.round(c.top)] ||= []).push(c);
				const lone = Object.values(rows).filter((r) => r.length === 1 &&
					r[0].width < row.width - 1).map((r) => Math.round(r[0].width));
				return {rows: Object.keys(rows).length, lone,
					batch: box(document.getElementById("batch-size")).top,
					epochs: box(document.getElementById("epochs")).top};
			})()`)
			if lone, _ := got["lone"].([]any); len(lone) > 0 {
				t.Errorf("%d px: a chart sits alone in a row, %v px wide, with empty space beside it",
					width, lone)
			}
			if b, e := got["batch"].(float64), got["epochs"].(float64); e-b > 4 || b-e > 4 {
				t.Errorf("%d px: the Epochs input is at y %v, Batch size at %v; want one line",
					width, e, b)
			}
			tab.Screenshot(fmt.Sprintf("layout-%d", width))
		})
	}
}
