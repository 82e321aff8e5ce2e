package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// wheelStep is how much farther than Fyne's default a wheelScroll moves per
// mouse-wheel notch: Fyne moves 25 px a notch, which takes a dozen notches to
// cross one card of a long form; four times that moves about three rows.
const wheelStep = 4

// wheelScroll is a vertical container.Scroll that moves wheelStep times
// farther per wheel notch, for long forms in a narrow pane.
type wheelScroll struct {
	container.Scroll
}

// newWheelScroll scrolls content vertically at the faster wheel pace.
func newWheelScroll(content fyne.CanvasObject) *wheelScroll {
	s := &wheelScroll{}
	s.Content = content
	s.Direction = container.ScrollVerticalOnly
	s.ExtendBaseWidget(s)
	return s
}

// Scrolled moves the content by the wheel's delta times wheelStep.
func (s *wheelScroll) Scrolled(ev *fyne.ScrollEvent) {
	e := *ev
	e.Scrolled.DX *= wheelStep
	e.Scrolled.DY *= wheelStep
	s.Scroll.Scrolled(&e)
}

// wheelEverywhere lays s under a wheelCatcher, so the wheel moves s wherever
// the pointer is, over its entry fields too.
func wheelEverywhere(s *wheelScroll) fyne.CanvasObject {
	c := &wheelCatcher{target: s}
	c.ExtendBaseWidget(c)
	return container.NewStack(s, c)
}

// wheelCatcher lies over a scrolled form and hands it every wheel event.
// Fyne gives a wheel event to the innermost scroller under the pointer, and
// every single-line Entry holds a scroller of its own that has nothing to
// scroll, so over a field the wheel did nothing. The catcher takes nothing
// else: taps, hovering, drags and the cursor shape reach the fields under it.
// A multi-line entry under it no longer scrolls with the wheel (its bar and
// the keyboard still move it), so it suits forms of single-line fields.
type wheelCatcher struct {
	widget.BaseWidget
	target fyne.Scrollable
}

// CreateRenderer draws nothing.
func (c *wheelCatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// Scrolled passes the wheel to the form.
func (c *wheelCatcher) Scrolled(ev *fyne.ScrollEvent) { c.target.Scrolled(ev) }
