package admin

import (
	"fmt"
	"time"
)

// chart is a bar chart drawn as SVG on the server: no script, no external
// request, readable by screen readers through its title, description and
// the data table that follows it.
type chart struct {
	ID      string // for aria-labelledby
	Title   string
	Desc    string
	Width   int
	Height  int
	PlotTop int
	PlotH   int
	Left    int // x of the plot's left edge
	Bars    []bar
	YTicks  []tick
	XLabels []tick
	Legend  []legend
}

type bar struct {
	X, W float64
	Segs []seg
}

type seg struct {
	Y, H  float64
	Class string
	Title string // shown on hover, read by screen readers
}

type tick struct {
	X, Y float64
	Text string
}

type legend struct {
	Class, Text string
	X           float64
}

// series is one stacked layer of a chart.
type series struct {
	Name  string
	Class string // CSS class giving its colour
	Value func(d dayPoint) int
}

// dayPoint is one day of an overview, present or filled in with zeros.
type dayPoint struct {
	Day                                    time.Time
	Questions, Answered, Abstained, Failed int
	Tokens                                 int
	Up, Down                               int
}

const (
	chartW     = 760
	chartH     = 240
	chartLeft  = 56
	chartRight = 8
	chartTop   = 28
	chartBot   = 28
)

// barChart stacks series per day.
func barChart(id, title, unit string, days []dayPoint, ss []series) chart {
	c := chart{ID: id, Title: title, Width: chartW, Height: chartH, PlotTop: chartTop, PlotH: chartH - chartTop - chartBot, Left: chartLeft}
	maxV := 0
	total := 0
	for _, d := range days {
		sum := 0
		for _, s := range ss {
			sum += s.Value(d)
		}
		maxV = max(maxV, sum)
		total += sum
	}
	top := niceCeil(maxV)
	plotW := float64(chartW - chartLeft - chartRight)
	step := plotW / float64(max(len(days), 1))
	gap := min(step*0.2, 2)
	for i, d := range days {
		b := bar{X: float64(chartLeft) + float64(i)*step + gap/2, W: step - gap}
		base := float64(chartH - chartBot)
		for _, s := range ss {
			v := s.Value(d)
			if v == 0 {
				continue
			}
			h := float64(v) / float64(top) * float64(c.PlotH)
			base -= h
			b.Segs = append(b.Segs, seg{Y: base, H: h, Class: s.Class,
				Title: fmt.Sprintf("%s: %s %s", d.Day.Format(time.DateOnly), num(v), s.Name)})
		}
		c.Bars = append(c.Bars, b)
	}
	for _, f := range []int{0, 2, 4} {
		v := top * f / 4
		y := float64(chartH-chartBot) - float64(v)/float64(top)*float64(c.PlotH)
		c.YTicks = append(c.YTicks, tick{X: chartLeft - 6, Y: y, Text: compact(v)})
	}
	if n := len(days); n > 0 {
		c.XLabels = append(c.XLabels, tick{X: float64(chartLeft), Y: chartH - 8, Text: days[0].Day.Format("Jan 2")})
		if n > 1 {
			c.XLabels = append(c.XLabels, tick{X: float64(chartW - chartRight), Y: chartH - 8, Text: days[n-1].Day.Format("Jan 2")})
		}
	}
	x := float64(chartLeft)
	for _, s := range ss {
		c.Legend = append(c.Legend, legend{Class: s.Class, Text: s.Name, X: x})
		x += float64(len(s.Name))*7 + 30
	}
	first, last := "", ""
	if len(days) > 0 {
		first, last = days[0].Day.Format(time.DateOnly), days[len(days)-1].Day.Format(time.DateOnly)
	}
	c.Desc = fmt.Sprintf("%s %s over %d days, %s to %s; the busiest day had %s. The table below lists every day.",
		num(total), unit, len(days), first, last, num(maxV))
	return c
}

// niceCeil rounds v up to 1, 2 or 5 times a power of ten (at least 4, so
// the axis has whole quarters).
func niceCeil(v int) int {
	if v <= 4 {
		return 4
	}
	p := 1
	for p*10 < v {
		p *= 10
	}
	for _, m := range []int{1, 2, 4, 5, 10} {
		if m*p >= v {
			return m * p
		}
	}
	return 10 * p
}

// compact writes an axis label: 950, 1.2k, 3.4M.
func compact(v int) string {
	switch {
	case v >= 1_000_000:
		return trimZero(fmt.Sprintf("%.1f", float64(v)/1e6)) + "M"
	case v >= 10_000:
		return fmt.Sprintf("%dk", v/1000)
	case v >= 1000:
		return trimZero(fmt.Sprintf("%.1f", float64(v)/1e3)) + "k"
	}
	return fmt.Sprint(v)
}

func trimZero(s string) string {
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		return s[:len(s)-2]
	}
	return s
}
