package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"
)

// Cutting the embedded font down to the characters a document uses, before
// gopdf sees it. gopdf parses every font it is given whole (IPAex Gothic:
// 12,000 glyphs, a character map of 11,700 entries) and writes each PDF's
// font with the full width and location tables (100 KB, compressed at
// zlib's default level): together more than half of the time a one-page
// invoice took. A font of the hundred-odd glyphs an invoice uses parses and
// compresses in a fraction of that. The glyphs, their metrics and the
// hinting programs are copied byte for byte, so the page looks exactly the
// same; only the glyph numbers inside the PDF change. The font file itself
// is never changed (its licence asks for that): this is the subset every
// PDF embeds anyway, made earlier.

// sfnt is the embedded font's raw tables, read once without gopdf.
type sfnt struct {
	data        []byte
	tables      map[string][]byte
	groups      []byte // the (3,10) format 12 character map's groups, 12 bytes each
	numGlyphs   int
	numHMetrics int
	longLoca    bool
}

var embeddedSfnt = sync.OnceValues(func() (*sfnt, error) { return readSfnt(ipaexGothic) })

var errNoSubset = errors.New("pdf: the font cannot be cut down")

// readSfnt reads the table directory and what subsetting needs.
func readSfnt(data []byte) (*sfnt, error) {
	be := binary.BigEndian
	if len(data) < 12 || be.Uint32(data) != 0x00010000 {
		return nil, errNoSubset
	}
	f := &sfnt{data: data, tables: map[string][]byte{}}
	n := int(be.Uint16(data[4:]))
	for i := range n {
		e := 12 + 16*i
		if e+16 > len(data) {
			return nil, errNoSubset
		}
		off, length := int(be.Uint32(data[e+8:])), int(be.Uint32(data[e+12:]))
		if off < 0 || length < 0 || off+length > len(data) {
			return nil, errNoSubset
		}
		f.tables[string(data[e:e+4])] = data[off : off+length]
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap", "name", "OS/2", "post"} {
		if f.tables[tag] == nil {
			return nil, errNoSubset
		}
	}
	head, hhea, maxp := f.tables["head"], f.tables["hhea"], f.tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || len(f.tables["post"]) < 32 {
		return nil, errNoSubset
	}
	f.longLoca = be.Uint16(head[50:]) == 1
	f.numHMetrics = int(be.Uint16(hhea[34:]))
	f.numGlyphs = int(be.Uint16(maxp[4:]))
	if f.numHMetrics == 0 || len(f.tables["hmtx"]) < 4*f.numHMetrics+2*(f.numGlyphs-f.numHMetrics) {
		return nil, errNoSubset
	}
	locaEntry := 2
	if f.longLoca {
		locaEntry = 4
	}
	if len(f.tables["loca"]) < locaEntry*(f.numGlyphs+1) {
		return nil, errNoSubset
	}
	cmap := f.tables["cmap"]
	if len(cmap) < 4 {
		return nil, errNoSubset
	}
	for i := range int(be.Uint16(cmap[2:])) {
		e := 4 + 8*i
		if e+8 > len(cmap) || be.Uint16(cmap[e:]) != 3 || be.Uint16(cmap[e+2:]) != 10 {
			continue
		}
		sub := cmap[be.Uint32(cmap[e+4:]):]
		if len(sub) < 16 || be.Uint16(sub) != 12 {
			return nil, errNoSubset
		}
		count := int(be.Uint32(sub[12:]))
		if len(sub) < 16+12*count {
			return nil, errNoSubset
		}
		f.groups = sub[16 : 16+12*count]
	}
	if f.groups == nil {
		return nil, errNoSubset
	}
	return f, nil
}

// glyph is r's glyph number, 0 when the font has none.
func (f *sfnt) glyph(r rune) int {
	be := binary.BigEndian
	n := len(f.groups) / 12
	i := sort.Search(n, func(i int) bool { return rune(be.Uint32(f.groups[12*i+4:])) >= r })
	if i == n {
		return 0
	}
	g := f.groups[12*i:]
	start := rune(be.Uint32(g))
	if r < start {
		return 0
	}
	gid := int(be.Uint32(g[8:])) + int(r-start)
	if gid >= f.numGlyphs {
		return 0
	}
	return gid
}

// glyphData is glyph gid's outline.
func (f *sfnt) glyphData(gid int) ([]byte, error) {
	be := binary.BigEndian
	loca, glyf := f.tables["loca"], f.tables["glyf"]
	var start, end int
	if f.longLoca {
		start, end = int(be.Uint32(loca[4*gid:])), int(be.Uint32(loca[4*gid+4:]))
	} else {
		start, end = 2*int(be.Uint16(loca[2*gid:])), 2*int(be.Uint16(loca[2*gid+2:]))
	}
	if start > end || end > len(glyf) {
		return nil, errNoSubset
	}
	g := glyf[start:end]
	if len(g) >= 2 && int16(be.Uint16(g)) < 0 {
		// A composite glyph names other glyphs by number; IPAex Gothic
		// has none, so renumbering them is not done: the whole font is used.
		return nil, errNoSubset
	}
	return g, nil
}

// metrics is glyph gid's advance width and left side bearing.
func (f *sfnt) metrics(gid int) (advance, lsb []byte) {
	hmtx := f.tables["hmtx"]
	if gid < f.numHMetrics {
		return hmtx[4*gid : 4*gid+2], hmtx[4*gid+2 : 4*gid+4]
	}
	last := 4 * (f.numHMetrics - 1)
	at := 4*f.numHMetrics + 2*(gid-f.numHMetrics)
	return hmtx[last : last+2], hmtx[at : at+2]
}

// subset builds a TrueType font holding glyph 0 and the glyphs of runes the
// font has (the others are left out, so gopdf reports them as before), with
// the same metrics, hinting and names. Glyphs are numbered in rune order,
// so the same runes give the same bytes.
func (f *sfnt) subset(runes []rune) ([]byte, error) {
	runes = slices.Clone(runes)
	slices.Sort(runes)
	runes = slices.Compact(runes)
	newGID := map[int]int{0: 0}
	olds := []int{0}
	type mapping struct {
		r   rune
		gid int
	}
	var maps []mapping
	for _, r := range runes {
		old := f.glyph(r)
		if old == 0 {
			continue
		}
		g, ok := newGID[old]
		if !ok {
			g = len(olds)
			newGID[old] = g
			olds = append(olds, old)
		}
		maps = append(maps, mapping{r, g})
	}
	n := len(olds)
	be := binary.BigEndian
	var glyf, loca, hmtx []byte
	for _, old := range olds {
		g, err := f.glyphData(old)
		if err != nil {
			return nil, err
		}
		loca = be.AppendUint32(loca, uint32(len(glyf)))
		glyf = append(glyf, g...)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		adv, lsb := f.metrics(old)
		hmtx = append(append(hmtx, adv...), lsb...)
	}
	loca = be.AppendUint32(loca, uint32(len(glyf)))

	// Format 4 (Unicode BMP; gopdf requires it) and format 12 (every
	// plane), one segment or group per character.
	var bmp []mapping
	for _, m := range maps {
		if m.r <= 0xFFFE {
			bmp = append(bmp, m)
		}
	}
	segs := len(bmp) + 1 // and the closing 0xFFFF segment
	f4len := 16 + 8*segs
	if f4len > 0xFFFF {
		return nil, errNoSubset
	}
	f4 := make([]byte, 0, f4len)
	f4 = be.AppendUint16(f4, 4)
	f4 = be.AppendUint16(f4, uint16(f4len))
	f4 = be.AppendUint16(f4, 0) // language
	f4 = be.AppendUint16(f4, uint16(2*segs))
	pow := 1
	for pow*2 <= segs {
		pow *= 2
	}
	entrySelector := 0
	for 1<<(entrySelector+1) <= pow {
		entrySelector++
	}
	f4 = be.AppendUint16(f4, uint16(2*pow))
	f4 = be.AppendUint16(f4, uint16(entrySelector))
	f4 = be.AppendUint16(f4, uint16(2*segs-2*pow))
	for _, m := range bmp { // endCode
		f4 = be.AppendUint16(f4, uint16(m.r))
	}
	f4 = be.AppendUint16(f4, 0xFFFF)
	f4 = be.AppendUint16(f4, 0) // reservedPad
	for _, m := range bmp {     // startCode
		f4 = be.AppendUint16(f4, uint16(m.r))
	}
	f4 = be.AppendUint16(f4, 0xFFFF)
	for _, m := range bmp { // idDelta
		f4 = be.AppendUint16(f4, uint16(m.gid-int(m.r)))
	}
	f4 = be.AppendUint16(f4, 1)
	for range segs { // idRangeOffset
		f4 = be.AppendUint16(f4, 0)
	}
	f12 := be.AppendUint16(nil, 12)
	f12 = be.AppendUint16(f12, 0)
	f12 = be.AppendUint32(f12, uint32(16+12*len(maps)))
	f12 = be.AppendUint32(f12, 0) // language
	f12 = be.AppendUint32(f12, uint32(len(maps)))
	for _, m := range maps {
		f12 = be.AppendUint32(f12, uint32(m.r))
		f12 = be.AppendUint32(f12, uint32(m.r))
		f12 = be.AppendUint32(f12, uint32(m.gid))
	}
	cmap := be.AppendUint16(nil, 0) // version
	cmap = be.AppendUint16(cmap, 2)
	cmap = append(cmap, 0, 3, 0, 1)
	cmap = be.AppendUint32(cmap, 20)
	cmap = append(cmap, 0, 3, 0, 10)
	cmap = be.AppendUint32(cmap, uint32(20+len(f4)))
	cmap = append(append(cmap, f4...), f12...)

	head := slices.Clone(f.tables["head"])
	be.PutUint32(head[8:], 0)  // checkSumAdjustment: not kept up to date by gopdf either
	be.PutUint16(head[50:], 1) // long loca offsets
	hhea := slices.Clone(f.tables["hhea"])
	be.PutUint16(hhea[34:], uint16(n))
	maxp := slices.Clone(f.tables["maxp"])
	be.PutUint16(maxp[4:], uint16(n))
	post := slices.Clone(f.tables["post"][:32])
	be.PutUint32(post, 0x00030000) // no glyph names: they were for the old numbers

	tables := map[string][]byte{"head": head, "hhea": hhea, "maxp": maxp, "hmtx": hmtx, "loca": loca,
		"glyf": glyf, "cmap": cmap, "post": post, "name": f.tables["name"], "OS/2": f.tables["OS/2"]}
	for _, tag := range []string{"cvt ", "fpgm", "prep"} { // hinting: glyph programs call these
		if t := f.tables[tag]; t != nil {
			tables[tag] = t
		}
	}
	return writeSfnt(tables), nil
}

// writeSfnt lays tables out as a TrueType file, in tag order, each on a
// four-byte boundary with its checksum.
func writeSfnt(tables map[string][]byte) []byte {
	be := binary.BigEndian
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	slices.Sort(tags)
	pow, sel := 1, 0
	for pow*2 <= len(tags) {
		pow, sel = pow*2, sel+1
	}
	out := be.AppendUint32(nil, 0x00010000)
	out = be.AppendUint16(out, uint16(len(tags)))
	out = be.AppendUint16(out, uint16(16*pow))
	out = be.AppendUint16(out, uint16(sel))
	out = be.AppendUint16(out, uint16(16*(len(tags)-pow)))
	offset := 12 + 16*len(tags)
	for _, tag := range tags {
		t := tables[tag]
		out = append(out, tag...)
		out = be.AppendUint32(out, tableChecksum(t))
		out = be.AppendUint32(out, uint32(offset))
		out = be.AppendUint32(out, uint32(len(t)))
		offset += (len(t) + 3) &^ 3
	}
	for _, tag := range tags {
		out = append(out, tables[tag]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

func tableChecksum(t []byte) uint32 {
	var sum uint32
	for i := 0; i < len(t); i += 4 {
		var w [4]byte
		copy(w[:], t[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// fontFor is the font for a document that uses runes: cut down to them, or
// the whole font when it cannot be cut.
func subsetFor(runes []rune) ([]byte, error) {
	f, err := embeddedSfnt()
	if err != nil {
		return nil, err
	}
	b, err := f.subset(runes)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errNoSubset, err)
	}
	return b, nil
}
