package store

import (
	"testing"
	"unicode/utf8"
)

func TestNormalizeRegistrationNumber(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"T4011001098993", "T4011001098993"},
		{"T7123456789012", "T7123456789012"},
		{"T2120901007402", "T2120901007402"},
		{"Ｔ４０１１００１０９８９９３", "T4011001098993"},
		{"Ｔ７１２３４５６７８９０１２", "T7123456789012"},
		{"Ｔ２１２０９０１００７４０２", "T2120901007402"},
		{"t4011001098993", "T4011001098993"},
		{"ｔ２１２０９０１００７４０２", "T2120901007402"},
		{"  T4011001098993\u3000", "T4011001098993"},
		{"T4-0110-0109-8993", "T4011001098993"},
		{"T 4011 0010 98993", "T4011001098993"},
		{"Ｔ４－０１１０－０１０９－８９９３", "T4011001098993"},
		{"T4−0110−0109−8993", "T4011001098993"}, // U+2212 from a macOS IME
		{"T4ー0110ー0109ー8993", "T4011001098993"}, // long-vowel mark typed as a dash
		{"", ""},
		{"   ", ""},
		{"\u3000", ""},
	}
	for _, tt := range tests {
		got, err := NormalizeRegistrationNumber(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("NormalizeRegistrationNumber(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestNormalizeRegistrationNumberRefused(t *testing.T) {
	tests := []struct {
		in     string
		reason string
	}{
		{"T5011001098993", "regno.check_digit"},
		{"T1011001098993", "regno.check_digit"},
		{"T0011001098993", "regno.check_digit"},
		{"T8123456789012", "regno.check_digit"},
		{"T6123456789012", "regno.check_digit"},
		{"T3120901007402", "regno.check_digit"},
		{"T9120901007402", "regno.check_digit"},
		{"Ｔ５０１１００１０９８９９３", "regno.check_digit"},
		{"T4011001098939", "regno.check_digit"}, // two digits swapped
		{"T401100109899", "regno.format"},       // 12 digits
		{"T40110010989930", "regno.format"},     // 14 digits
		{"4011001098993", "regno.format"},       // missing T
		{"40110010989931", "regno.format"},      // 14 digits, no T
		{"T40110010A8993", "regno.format"},      // letter inside
		{"T4011001O98993", "regno.format"},      // letter O for zero
		{"TT4011001098993", "regno.format"},
		{"X4011001098993", "regno.format"},
		{"4011001098993T", "regno.format"},
		{"T", "regno.format"},
		{"T４０１１００１０９８９９３円", "regno.format"},
		{"T٤011001098993", "regno.format"}, // Arabic-Indic digit: not ASCII
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := NormalizeRegistrationNumber(tt.in)
			if err == nil {
				t.Fatalf("NormalizeRegistrationNumber(%q) = %q, want %s", tt.in, got, tt.reason)
			}
			if got != "" {
				t.Errorf("got %q with an error, want \"\"", got)
			}
			checkInvalid(t, err, tt.reason, nil)
		})
	}
}

func TestRegistrationCheckDigit(t *testing.T) {
	tests := []struct {
		body string
		want byte
	}{
		{"011001098993", 4},
		{"123456789012", 7},
		{"120901007402", 2},
		{"000000000000", 9}, // sum 0 → 9, so a check digit is never 0
	}
	for _, tt := range tests {
		if got := regnoCheckDigit(tt.body); got != tt.want {
			t.Errorf("regnoCheckDigit(%q) = %d, want %d", tt.body, got, tt.want)
		}
	}
}

func FuzzNormalizeRegistrationNumber(f *testing.F) {
	for _, s := range []string{
		"T4011001098993", "T7123456789012", "T2120901007402", "Ｔ４０１１００１０９８９９３", "t4011001098993",
		"T4-0110-0109-8993", "", "T5011001098993", "T401100109899", "4011001098993", "T40110010A8993",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := NormalizeRegistrationNumber(s)
		if err != nil {
			e, ok := AsError(err)
			if !ok || e.Code != CodeInvalid || (e.Reason != "regno.format" && e.Reason != "regno.check_digit") {
				t.Fatalf("NormalizeRegistrationNumber(%q): unexpected error %#v", s, err)
			}
			return
		}
		if got == "" {
			return
		}
		if len(got) != 14 || !utf8.ValidString(got) || got[0] != 'T' || !AllDigits(got[1:]) {
			t.Fatalf("NormalizeRegistrationNumber(%q) = %q, not T + 13 digits", s, got)
		}
		if again, err := NormalizeRegistrationNumber(got); err != nil || again != got {
			t.Fatalf("not idempotent: %q → %q → %q, %v", s, got, again, err)
		}
	})
}
