package store_test

import (
	"testing"

	"daicho/store"
)

func TestAllDigits(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"0", true}, {"0123456789", true},
		{"", false}, {" 1", false}, {"1 ", false}, {"-1", false}, {"+1", false}, {"1.0", false}, {"1,000", false},
		{"１２", false}, // full-width: fold first
		{"1a", false}, {"٣", false},
	}
	for _, tc := range tests {
		if got := store.AllDigits(tc.in); got != tc.want {
			t.Errorf("AllDigits(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
