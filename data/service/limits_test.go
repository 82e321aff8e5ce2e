package service

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/png"
	"strings"
	"testing"
	"time"

	"kinerja/data"
)

// pngHeader returns a 1×1 PNG whose IHDR claims w×h pixels: enough for
// image.DecodeConfig, which must refuse it before anything is decoded.
func pngHeader(t testing.TB, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	// signature (8), length (4), "IHDR" (4), width, height at 16 and 20; CRC over type+data at 29.
	binary.BigEndian.PutUint32(b[16:], uint32(w))
	binary.BigEndian.PutUint32(b[20:], uint32(h))
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}

// plainPNG is a real w×h PNG of one grey, small on disk whatever its size.
func plainPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestImageDimensionLimits(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name  string
		check func([]byte) error
		img   []byte
		ok    bool
		found string
	}{
		{"logo 2000×2000", CheckLogo, plainPNG(t, MaxLogoWidth, MaxLogoHeight), true, ""},
		{"logo 2001×2000", CheckLogo, pngHeader(t, MaxLogoWidth+1, MaxLogoHeight), false, "2001×2000 piksel, paling besar 2000×2000"},
		{"logo 2000×2001", CheckLogo, pngHeader(t, MaxLogoWidth, MaxLogoHeight+1), false, "2000×2001"},
		{"logo 20000×20000", CheckLogo, pngHeader(t, 20000, 20000), false, "20000×20000"},
		{"signature 1000×500", CheckSignatureImage, plainPNG(t, MaxSignatureWidth, MaxSignatureHeight), true, ""},
		{"signature 1001×500", CheckSignatureImage, pngHeader(t, MaxSignatureWidth+1, MaxSignatureHeight), false, "gambar tanda tangan berukuran 1001×500 piksel, paling besar 1000×500"},
		{"signature 1000×501", CheckSignatureImage, pngHeader(t, MaxSignatureWidth, MaxSignatureHeight+1), false, "1000×501"},
	} {
		err := tt.check(tt.img)
		if tt.ok {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		if !errors.Is(err, ErrImageDimensions) || !strings.Contains(err.Error(), tt.found) {
			t.Errorf("%s: %v, want ErrImageDimensions naming %q", tt.name, err, tt.found)
		}
	}
}

// isWindowError reports whether err is the attendance-window refusal.
func isWindowError(err error) bool {
	var fe data.FieldError
	return errors.As(err, &fe) && fe.Field == data.FieldDate
}

func TestAttendanceWindowRefusals(t *testing.T) {
	t.Parallel()
	svc, staff := openService(t, person(1, data.KindPNS, 5))
	id := staff[0].ID
	for _, tt := range []struct {
		d      data.Date
		refuse bool
	}{
		{data.NewDate(1970, 1, 1), true}, {data.NewDate(1999, 12, 31), true}, {data.NewDate(2028, 1, 3), true},
		{data.NewDate(2099, 12, 1), true}, {data.NewDate(9999, 1, 1), true},
		{data.NewDate(2000, 1, 3), false}, {data.NewDate(2027, 12, 31), false},
	} {
		err := svc.SaveDay(tt.d, []DayInput{{StaffID: id, Code: data.CodeH}})
		if isWindowError(err) != tt.refuse {
			t.Errorf("SaveDay(%s) = %v, want refused=%v", tt.d, err, tt.refuse)
		}
		_, err = svc.EnterLeave(LeaveRequest{StaffID: id, Code: "CS", From: tt.d, To: tt.d})
		if isWindowError(err) != tt.refuse {
			t.Errorf("EnterLeave(%s) = %v, want refused=%v", tt.d, err, tt.refuse)
		}
	}
	if _, err := svc.EnterLeave(LeaveRequest{StaffID: id, Code: "CS", From: data.NewDate(2027, 12, 1), To: data.NewDate(2028, 1, 5)}); !isWindowError(err) {
		t.Errorf("leave ending in 2028: %v", err)
	}
	if _, err := svc.CopyPreviousDay(data.NewDate(2099, 12, 1), 0); !isWindowError(err) {
		t.Errorf("CopyPreviousDay 2099: %v", err)
	}
	if m, _ := svc.st.AttendanceMonth(id, 2099, time.December); len(m.Days) != 0 {
		t.Errorf("2099 saved: %+v", m.Days)
	}
	log := "1\t2026-11-02 07:30:00\n1\t1970-01-01 07:00:00\n1\t2099-12-01 07:00:00\n1\t9999-01-04 16:00:00\n"
	if err := svc.st.MapPins(map[string]uint64{"1": id}); err != nil {
		t.Fatal(err)
	}
	plan, err := svc.PlanAttlogImport(strings.NewReader(log), nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Days) != 1 || plan.Punches != 1 {
		t.Errorf("plan days %+v, punches %d; want only 2 November", plan.Days, plan.Punches)
	}
	var lines []int
	for _, b := range plan.BadLines {
		lines = append(lines, b.Line)
	}
	if len(lines) != 3 || lines[0] != 2 || lines[2] != 4 || !strings.Contains(plan.BadLines[1].Message, "tahun paling akhir 2027") {
		t.Errorf("bad lines %+v", plan.BadLines)
	}
}
