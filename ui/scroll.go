package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
