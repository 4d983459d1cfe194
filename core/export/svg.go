package export

import (
	"fmt"
	"math"
	"strings"

	"netfit/core/view"
)

// Chart geometry, in SVG user units (pixels at 100% zoom).
const (
	marginLeft   = 56
	marginRight  = 16
	marginTop    = 28
	marginBottom = 40
	fontSize     = 12
)

// Colours of the charts, the page's palette.
const (
	colorTrain   = "#1f77b4"
	colorVal     = "#ff7f0e"
	colorCurve   = "#d62728"
	colorAxis    = "#444"
	colorGrid    = "#e5e5e5"
	colorExtrap  = "#f3f3f3"
	colorValBand = "#fff3e6"
)

// plot maps data coordinates to pixels inside an SVG of w×h and writes
// the elements.
type plot struct {
	b          strings.Builder
	w, h       float64
	xs, ys     view.Span // data ranges of the axes
	x0, x1     float64   // pixel range of the plot area, left to right
	y0, y1     float64   // bottom to top
	xLog, yLog bool      // values are log10; ticks read as powers of ten
}

// newPlot starts an SVG of w×h pixels with a title, for data in xs × ys.
func newPlot(w, h int, title string, xs, ys view.Span) *plot {
	p := &plot{w: float64(w), h: float64(h), xs: xs, ys: ys,
		x0: marginLeft, x1: float64(w) - marginRight,
		y0: float64(h) - marginBottom, y1: marginTop}
	fmt.Fprintf(&p.b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" `+
		`viewBox="0 0 %d %d" font-family="system-ui, sans-serif" font-size="%d">`+"\n",
		w, h, w, h, fontSize)
	fmt.Fprintf(&p.b, `<rect width="%d" height="%d" fill="white"/>`+"\n", w, h)
	p.text(p.x0, 18, "start", title, `font-weight="bold"`)
	return p
}

// px and py map a data value to a pixel coordinate.
func (p *plot) px(x float64) float64 {
	return p.x0 + (x-p.xs.Lo)/(p.xs.Hi-p.xs.Lo)*(p.x1-p.x0)
}

func (p *plot) py(y float64) float64 {
	return p.y0 + (y-p.ys.Lo)/(p.ys.Hi-p.ys.Lo)*(p.y1-p.y0)
}

// band shades the x range s across the plot area.
func (p *plot) band(s view.Span, fill string) {
	if !s.OK {
		return
	}
	lo, hi := math.Max(p.px(s.Lo), p.x0), math.Min(p.px(s.Hi), p.x1)
	if hi <= lo {
		return
	}
	fmt.Fprintf(&p.b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`+"\n",
		lo, p.y1, hi-lo, p.y0-p.y1, fill)
}

// axes draws the grid lines, tick labels, frame and axis names.
func (p *plot) axes(xName, yName string) {
	xt, yt := view.Ticks(p.xs.Lo, p.xs.Hi, 8), view.Ticks(p.ys.Lo, p.ys.Hi, 6)
	if p.yLog {
		yt = view.LogTicks(p.ys.Lo, p.ys.Hi, 6)
	}
	for i, label := range view.TickLabels(xt, 3, false) {
		x := p.px(xt[i])
		p.line(x, p.y0, x, p.y1, colorGrid)
		p.text(x, p.y0+16, "middle", label, "")
	}
	sig := 3
	if p.yLog {
		sig = 2
	}
	for i, label := range view.TickLabels(yt, sig, p.yLog) {
		y := p.py(yt[i])
		p.line(p.x0, y, p.x1, y, colorGrid)
		p.text(p.x0-6, y+4, "end", label, "")
	}
	fmt.Fprintf(&p.b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="none" stroke="%s"/>`+"\n",
		p.x0, p.y1, p.x1-p.x0, p.y0-p.y1, colorAxis)
	p.text((p.x0+p.x1)/2, p.h-8, "middle", xName, "")
	p.text(14, (p.y0+p.y1)/2, "middle", yName,
		fmt.Sprintf(`transform="rotate(-90 14 %.1f)"`, (p.y0+p.y1)/2))
}

// line draws one grey line.
func (p *plot) line(x1, y1, x2, y2 float64, stroke string) {
	fmt.Fprintf(&p.b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s"/>`+"\n",
		x1, y1, x2, y2, stroke)
}

// text writes a label; extra holds more attributes.
func (p *plot) text(x, y float64, anchor, s, extra string) {
	fmt.Fprintf(&p.b, `<text x="%.1f" y="%.1f" text-anchor="%s" fill="%s" %s>%s</text>`+"\n",
		x, y, anchor, colorAxis, extra, xmlEscaper.Replace(s))
}

// points draws the samples rows of (x, y) as small circles in one group.
func (p *plot) points(x, y []float64, rows []int, fill string) {
	fmt.Fprintf(&p.b, `<g fill="%s" fill-opacity="0.55">`+"\n", fill)
	for _, i := range rows {
		if !finiteXY(x[i], y[i]) {
			continue
		}
		fmt.Fprintf(&p.b, `<circle cx="%.1f" cy="%.1f" r="2"/>`+"\n", p.px(x[i]), p.py(y[i]))
	}
	p.b.WriteString("</g>\n")
}

// polyline draws a curve through (x[i], y[i]), broken where a value is
// not finite (a diverged epoch).
func (p *plot) polyline(x, y []float64, stroke string, dash bool) {
	style := ""
	if dash {
		style = ` stroke-dasharray="5 3"`
	}
	var pts []string
	flush := func() {
		if len(pts) > 1 {
			fmt.Fprintf(&p.b, `<polyline fill="none" stroke="%s" stroke-width="2"%s points="%s"/>`+"\n",
				stroke, style, strings.Join(pts, " "))
		}
		pts = pts[:0]
	}
	for i := range x {
		if !finiteXY(x[i], y[i]) {
			flush()
			continue
		}
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", p.px(x[i]), p.py(y[i])))
	}
	flush()
}

// legend writes coloured labels along the top right.
func (p *plot) legend(items ...[2]string) {
	x := p.x1
	for i := len(items) - 1; i >= 0; i-- {
		label, color := items[i][0], items[i][1]
		p.text(x, 18, "end", label, "")
		x -= 6.5*float64(len([]rune(label))) + 4
		fmt.Fprintf(&p.b, `<rect x="%.1f" y="9" width="10" height="10" fill="%s"/>`+"\n", x-10, color)
		x -= 22
	}
}

// bytes closes the SVG and returns it.
func (p *plot) bytes() []byte {
	p.b.WriteString("</svg>\n")
	return []byte(p.b.String())
}

// xmlEscaper escapes text for an SVG text element.
var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func finiteXY(x, y float64) bool {
	return !math.IsNaN(x) && !math.IsInf(x, 0) && !math.IsNaN(y) && !math.IsInf(y, 0)
}
