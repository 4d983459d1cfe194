//go:build js && wasm

package main

import (
	"strings"
	"syscall/js"
)

// The <iframe> that "Copy embed code" gives: its height in CSS pixels and
// its title, which screen readers announce.
const (
	embedHeight = "480"
	embedTitle  = "netfit: a neural network learning a curve, live"
)

// fileEmbedNote answers "Copy embed code" in a page opened from disk.
const fileEmbedNote = "This page was opened from a file on your computer, so an embed code " +
	"would point at your disk. Put the site on a web server (make dist, then copy dist/ to " +
	"a static host), open it there and copy the embed code from that page."

// attrEscaper escapes text for a double-quoted HTML attribute.
var attrEscaper = strings.NewReplacer("&", "&amp;", `"`, "&quot;", "<", "&lt;", ">", "&gt;")

// buildEmbed wires the "open in full trainer" link of the embed view and
// the "Copy embed code" button of the full page.
func (p *page) buildEmbed() {
	p.updateFullLink()
	// The settings may have changed through the API since the last update.
	p.el(idOpenFull).AddEventListener("click", func(js.Value) { p.updateFullLink() })
	p.onClick(idCopyEmbed, p.copyEmbedCode)
}

// pageURL returns the address of this page with the current settings, the
// display flags left out; with embed, the fragment starts with embed=1.
func (p *page) pageURL(embed bool) string {
	s := p.s
	s.Embed, s.Hide = false, nil
	base, _, _ := strings.Cut(p.win.Location().Get("href").String(), "#")
	parts := []string{}
	if embed {
		parts = append(parts, "embed=1")
	}
	if frag := s.Fragment(); frag != "" {
		parts = append(parts, frag)
	}
	return base + "#" + strings.Join(parts, "&")
}

// updateFullLink points the embed view's link at the full trainer with the
// same settings.
func (p *page) updateFullLink() {
	p.el(idOpenFull).SetAttribute("href", p.pageURL(false))
}

// embedCode returns the <iframe> snippet that embeds this page with the
// current settings.
func (p *page) embedCode() string {
	return `<iframe src="` + attrEscaper.Replace(p.pageURL(true)) + `"` +
		` title="` + attrEscaper.Replace(embedTitle) + `"` +
		` width="100%" height="` + embedHeight + `"` +
		` style="border:0; max-width:760px" loading="lazy"></iframe>`
}

// copyEmbedCode shows the snippet in a read-only text box, selected, and
// copies it to the clipboard when the browser allows.
func (p *page) copyEmbedCode() {
	// From disk (the single file of make bundle), the snippet would point
	// at this computer's disk, which no reader of a post can open.
	if p.win.Location().Get("protocol").String() == "file:" {
		p.el(idEmbedCode).SetAttribute("hidden", "")
		p.setText(idEmbedNote, fileEmbedNote)
		return
	}
	code := p.embedCode()
	box := p.el(idEmbedCode)
	box.Set("value", code)
	box.RemoveAttribute("hidden")
	box.Focus()
	box.Call("select")

	manual := "Select the code below and copy it into your page's HTML."
	clip := js.Global().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		p.setText(idEmbedNote, manual)
		return
	}
	var copied, refused js.Func
	release := func() { copied.Release(); refused.Release() }
	copied = js.FuncOf(func(js.Value, []js.Value) any {
		defer release()
		p.setText(idEmbedNote, "Copied: paste it into your page's HTML.")
		return nil
	})
	refused = js.FuncOf(func(js.Value, []js.Value) any {
		defer release()
		p.setText(idEmbedNote, "The browser did not allow copying. "+manual)
		return nil
	})
	clip.Call("writeText", code).Call("then", copied, refused)
}
