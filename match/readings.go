package match

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Han characters are read in Chinese, Korean and Japanese: 金正恩 is Jin Zhengen in pinyin
// but Kim Jong Un in Korean, 山田太郎 Shan Tian Tai Lang in pinyin but Yamada Tarō in Japanese,
// 陳大文 Chen Dawen in pinyin but Chan Tai Man in Cantonese (cantonese.go).
// A name written in Han is compared with one written in Latin letters in the Korean, the
// Japanese and the Cantonese readings of its characters too (knowledge/han_readings.tsv, from
// Unihan): they pair
// at 0.95 when each Latin word spells, in one language, the readings of a run of the
// characters of one Han word, the runs in the order of the Latin words (or with the first or
// last Latin word moved to the other end) and covering every character (readingsAlign).
// Spellings are compared after folding: Korean readings in the Revised Romanization
// (hangulFold) and the Latin word by its fold (latinKoreanFold: Kim, Gim; Jong, Jeong; Young),
// with a surname's usual and other spellings too (Lee, Park; Rhee, Pak); Japanese by jaFold (Tarō, Taro, Tarou), a character after the first of a run also in
// its voiced form (rendaku: 山田 is yama + da); Cantonese in each spelling names use
// (cantoneseSpellings), the Latin word as written.

// Reading languages.
const (
	readKorean = iota
	readJapanese
	readCantonese
	readLanguages
)

// maxReadChars bounds the names readingsAlign reads: personal and company names written in
// Han have a few characters.
const maxReadChars = 16

// readKeyLen is the length of the retrieval keys of readings (see eachReadingKey).
const readKeyLen = 4

// hanReading is what Knowledge knows of how a Han character is read.
type hanReading struct {
	read   [readLanguages][]string // folded readings, per language
	voiced []string                // Japanese readings voiced (rendaku), folded
	// nanori are the Japanese readings of names only (han_nanori.tsv), folded, and voiced:
	// many and short (一 has eleven), they are read only in a name of two words or more.
	nanori, nanoriVoiced []string
	ko                   []string // usual Latin spellings of the character as a Korean surname, folded
}

// The table is embedded as written and read a character at a time: a name in Han reads a few
// of its 14,350 characters, and reading them all took 37 ms and 4 MB at the first such name.
//
//go:embed knowledge/han_readings.tsv
var hanReadingsTSV string

// The Japanese readings of kanji used in names only (nanori: 義 yoshi, 偉 hide, 倍 be), which
// Unihan lacks, from KANJIDIC (knowledge/han_nanori.tsv), read as the table is.
//
//go:embed knowledge/han_nanori.tsv
var hanNanoriTSV string

var (
	readingsOnce sync.Once
	readingRunes []rune   // the characters of hanReadingsTSV, ascending as it lists them
	readingAt    []uint32 // where the readings of each begin in it
	nanoriRunes  []rune   // the same of hanNanoriTSV
	nanoriAt     []uint32
	readingCache sync.Map // rune → *hanReading (nil for a character the table lacks)
)

// hanReadingOf is what the table (knowledge/han_readings.tsv) holds for a character, nil if it
// holds nothing.
func hanReadingOf(c rune) *hanReading {
	if v, ok := readingCache.Load(c); ok {
		return v.(*hanReading)
	}
	readingsOnce.Do(indexReadings)
	rd := tableReading(c)
	// A simplified character the table gives no Korean or no Japanese reading (张, 锡, 悦:
	// Korean writes 張, 錫, 悅) is read in that language as its traditional forms are
	// (han_simplified.tsv), as Chinese writes Korean names: 张成泽, 張成澤, Jang Song Thaek.
	noKo := rd == nil || len(rd.read[readKorean]) == 0
	noJa := rd == nil || len(rd.read[readJapanese]) == 0
	if noKo || noJa {
		for _, t := range DefaultKnowledge().traditionalOf(c) {
			tr := tableReading(t)
			if tr == nil {
				continue
			}
			if rd == nil {
				rd = &hanReading{}
			}
			if noKo {
				rd.read[readKorean] = append(rd.read[readKorean], tr.read[readKorean]...)
				rd.ko = append(rd.ko, tr.ko...)
			}
			if noJa {
				rd.read[readJapanese] = append(rd.read[readJapanese], tr.read[readJapanese]...)
				rd.voiced = append(rd.voiced, tr.voiced...)
			}
		}
	}
	v, _ := readingCache.LoadOrStore(c, rd)
	return v.(*hanReading)
}

// tableReading parses the tables' lines for a character, nil if they have none.
func tableReading(c rune) *hanReading {
	var rd *hanReading
	if line, ok := tableLine(hanReadingsTSV, readingRunes, readingAt, c); ok {
		rd = parseReading(line)
	}
	if line, ok := tableLine(hanNanoriTSV, nanoriRunes, nanoriAt, c); ok {
		if rd == nil {
			rd = &hanReading{}
		}
		for _, kana := range strings.Split(line, ",") {
			addJapanese(&rd.nanori, &rd.nanoriVoiced, hepburn(kana))
		}
	}
	return rd
}

// addJapanese adds a Japanese reading in Latin letters to readings, folded, and its voiced
// form (rendaku) to voicedForms.
func addJapanese(readings, voicedForms *[]string, r string) {
	*readings = append(*readings, jaFold(r))
	if v := voiced(r); v != r {
		*voicedForms = append(*voicedForms, jaFold(v))
	}
}

// indexReadings finds where each character's line of the tables begins.
func indexReadings() {
	readingRunes, readingAt = indexTable(hanReadingsTSV, "han_readings.tsv")
	nanoriRunes, nanoriAt = indexTable(hanNanoriTSV, "han_nanori.tsv")
}

// indexTable finds where each character's line of a table (character<TAB>…, ascending) begins.
func indexTable(table, name string) (runes []rune, at []uint32) {
	for rest, pos := table, 0; rest != ""; {
		line, after, _ := strings.Cut(rest, "\n")
		if c, _, ok := strings.Cut(line, "\t"); ok && !strings.HasPrefix(line, "#") {
			r, _ := utf8.DecodeRuneInString(c)
			if n := len(runes); n > 0 && r <= runes[n-1] {
				panic("knowledge/" + name + ": characters out of order at " + c)
			}
			runes = append(runes, r)
			at = append(at, uint32(pos+len(c)+1))
		}
		pos += len(line) + 1
		rest = after
	}
	return runes, at
}

// tableLine is the rest of a character's line in a table indexed by indexTable, "" if none.
func tableLine(table string, runes []rune, at []uint32, c rune) (string, bool) {
	i, ok := slices.BinarySearch(runes, c)
	if !ok {
		return "", false
	}
	line := table[at[i]:]
	if end := strings.IndexByte(line, '\n'); end >= 0 {
		line = line[:end]
	}
	return line, true
}

// parseReading reads a character's readings as the table writes them ("k=김,금 j=kin,kon").
func parseReading(v string) *hanReading {
	k := DefaultKnowledge()
	rd := &hanReading{}
	for _, f := range strings.Fields(v) {
		lang, list, _ := strings.Cut(f, "=")
		for _, r := range strings.Split(list, ",") {
			switch lang {
			case "k":
				rr := transliterate(r, "hangul")
				rd.read[readKorean] = append(rd.read[readKorean], hangulFold(rr))
				if strings.Contains(rr, "eo") { // Myung for 명 (koreanU)
					rd.read[readKorean] = append(rd.read[readKorean], hangulFold(eoAsU(rr)))
				}
				if s, ok := k.koSurnames[r]; ok {
					rd.ko = append(rd.ko, koreanFold(s))
					rd.ko = append(rd.ko, k.koOther[s]...)
				}
			case "c":
				rd.read[readCantonese] = append(rd.read[readCantonese], cantoneseSpellings(r)...)
			case "j":
				addJapanese(&rd.read[readJapanese], &rd.voiced, r)
			}
		}
	}
	return rd
}

// eachHanReading calls fn with every character's readings (for tests).
func eachHanReading(fn func(*hanReading)) {
	readingsOnce.Do(indexReadings)
	for _, c := range readingRunes {
		fn(hanReadingOf(c))
	}
	for _, c := range nanoriRunes {
		if _, ok := slices.BinarySearch(readingRunes, c); !ok {
			fn(hanReadingOf(c))
		}
	}
}

// jaFold folds a Latin spelling of Japanese: long vowels written doubled or ou are one vowel
// (Tarou, Taroo and Tarō, normalised to Taro, are one name).
func jaFold(s string) string { return jaLong.Replace(s) }

var jaLong = newFold("ou", "o", "oo", "o", "uu", "u", "aa", "a", "ii", "i")

// voiced gives a Japanese reading with its first consonant voiced (rendaku: ta → da, ka → ga,
// sa → za, shi → ji, chi → ji, tsu → zu, ha → ba, fu → bu), or the reading itself.
func voiced(r string) string {
	for _, p := range [][2]string{{"sh", "j"}, {"ch", "j"}, {"ts", "z"}, {"k", "g"}, {"s", "z"}, {"t", "d"}, {"h", "b"}, {"f", "b"}} {
		if rest, ok := strings.CutPrefix(r, p[0]); ok {
			return p[1] + rest
		}
	}
	return r
}

// readingsOf calls fn with each folded reading of character c in the language: voiced
// Japanese readings too where the character is not the first of its run, a Korean surname's
// usual spelling too where it begins its word, and, with names, the Japanese readings of names
// (nanori), which the keys of a Han name (eachReadingKey) include.
func readingsOf(rd *hanReading, lang int, runStart, wordStart, names bool, fn func(string) bool) bool {
	if slices.ContainsFunc(rd.read[lang], fn) {
		return true
	}
	if lang == readJapanese {
		if !runStart && slices.ContainsFunc(rd.voiced, fn) {
			return true
		}
		if names && (slices.ContainsFunc(rd.nanori, fn) || !runStart && slices.ContainsFunc(rd.nanoriVoiced, fn)) {
			return true
		}
	}
	return lang == readKorean && wordStart && slices.ContainsFunc(rd.ko, fn)
}

// latinReading folds a Latin word for comparison with readings in the language.
func latinReading(t *token, lang int) string {
	switch lang {
	case readKorean:
		return t.fold
	case readCantonese:
		return t.text
	}
	return jaFold(t.text)
}

// hasReadingWords reports whether readingWords is not nil, allocating nothing.
func (n *name) hasReadingWords() bool {
	words := false
	for _, t := range n.tokens {
		switch {
		case t.script != n.tokens[0].script || !readsIn(t.script, readKorean) && !readsIn(t.script, readJapanese):
			return false
		case t.kind != kindLegal:
			words = true
		}
	}
	return words
}

// readsIn reports whether a word written in a script may spell readings of Han characters in
// a language: one in Latin letters in any, one in Hangul in Korean (김정은, 金正恩), one in
// Kana in Japanese (やまだ たろう, 山田太郎).
func readsIn(script string, lang int) bool {
	switch script {
	case "latin":
		return true
	case "hangul":
		return lang == readKorean
	case "kana":
		return lang == readJapanese
	}
	return false
}

// readingWords are the tokens of a name written in Latin letters, or in Hangul or Kana, legal
// forms aside, that readingsAlign sets against a Han name's readings (Fujitsu of Fujitsu
// Limited); nil when the tokens are in another script, or in more than one, or none is a word.
func (n *name) readingWords() []*token {
	if !n.hasReadingWords() {
		return nil
	}
	var ws []*token
	for _, t := range n.tokens {
		if t.kind != kindLegal {
			ws = append(ws, t)
		}
	}
	return ws
}

// readingsAlign reports whether the Latin name lat (or one in Hangul or Kana: readsIn) reads
// the Han name h (see above), legal forms aside on both sides (compare weighs legal forms that
// differ).
func readingsAlign(h, lat *name) bool {
	rds := charReadings(h.chars)
	ws := lat.readingWords()
	if rds == nil || ws == nil {
		return false
	}
	orders := familyOrders(ws)
	for lang := range readLanguages {
		if !readsIn(ws[0].script, lang) {
			continue
		}
		for _, ws := range orders {
			if alignReadings(rds, ws, lang) {
				return true
			}
		}
	}
	return false
}

// westernNameAt is the position, among a Latin name's reading words, of a Western given name
// that Hong Kong writes before or after a Chinese name (Stanley Ho Hung Sun, 何鴻燊; CHAN Tai
// Man, Peter): the first or the last of three words or more, of three letters or more and no
// sequence of Cantonese syllables, where every other word is one (readingWord); -1 if none.
func westernNameAt(ws []*token) int {
	if len(ws) < 3 || ws[0].script != "latin" {
		return -1
	}
	at := -1 // the one word that is no reading word
	for i, w := range ws {
		if readingWord(w, readCantonese) {
			continue
		}
		if at >= 0 || i != 0 && i != len(ws)-1 || w.kind != kindWord || len(w.text) < 3 {
			return -1
		}
		at = i
	}
	return at
}

// withoutWesternName is a Latin name's reading words without the Western given name
// westernNameAt finds, nil if it finds none.
func withoutWesternName(ws []*token) []*token {
	i := westernNameAt(ws)
	if i < 0 {
		return nil
	}
	return slices.Delete(slices.Clone(ws), i, i+1)
}

// readingsWithWesternName reports whether a Latin name is a Han name's Cantonese readings
// (readingsAlign) with a Western given name before or after them (westernNameAt).
func readingsWithWesternName(h, lat *name) bool {
	rest := withoutWesternName(lat.readingWords())
	if rest == nil {
		return false
	}
	rds := charReadings(h.chars)
	if rds == nil {
		return false
	}
	for _, ws := range familyOrders(rest) {
		if alignReadings(rds, ws, readCantonese) {
			return true
		}
	}
	return false
}

// charReadings looks up the characters of a Han name, nil if they are too many or one is
// unknown.
func charReadings(chars [][]rune) [][]*hanReading {
	n := 0
	rds := make([][]*hanReading, len(chars))
	for i, w := range chars {
		for _, c := range w {
			rd := hanReadingOf(c)
			if rd == nil {
				return nil
			}
			rds[i] = append(rds[i], rd)
			n++
		}
	}
	if n == 0 || n > maxReadChars {
		return nil
	}
	return rds
}

// alignReadings reports whether the Latin words ws, in order, each spell the readings of a run
// of characters within one Han word, the runs covering all of them.
func alignReadings(rds [][]*hanReading, ws []*token, lang int) bool {
	// The search remembers the states it has found to fail: without that, characters with
	// many readings that are prefixes of one another make it exponential.
	failed := map[[5]int]bool{}
	var fits func(wi, ti, ci int) bool
	fits = func(wi, ti, ci int) bool {
		if ti < len(rds) && ci == len(rds[ti]) {
			ti, ci = ti+1, 0
		}
		if wi == len(ws) || ti == len(rds) {
			return wi == len(ws) && ti == len(rds)
		}
		row := rds[ti]
		word := latinReading(ws[wi], lang)
		var eat func(rest string, c int) bool
		eat = func(rest string, c int) bool {
			if rest == "" {
				return c > ci && fits(wi+1, ti, c)
			}
			if c == len(row) {
				return false
			}
			state := [5]int{wi, ti, ci, c, len(rest)}
			if failed[state] {
				return false
			}
			ok := readingsOf(row[c], lang, c == ci, c == 0, len(ws) >= 2, func(r string) bool {
				return r != "" && strings.HasPrefix(rest, r) && eat(rest[len(r):], c+1)
			})
			if !ok {
				failed[state] = true
			}
			return ok
		}
		return eat(word, ci)
	}
	return fits(0, 0, 0)
}

// eachReadingKey calls fn with the retrieval keys of a Han name's readings in the language: the
// first readKeyLen letters (all, if fewer) of the readings of its characters written
// together, starting at any character and going round (a Latin name may give the family name
// last). Any Latin name readingsAlign pairs with it has for latinReadingKey one of them.
func eachReadingKey(chars [][]rune, lang int, fn func(string)) {
	rds := charReadings(chars)
	if rds == nil {
		return
	}
	type at struct{ ti, ci int }
	var flat []at
	for ti, row := range rds {
		for ci := range row {
			flat = append(flat, at{ti, ci})
		}
	}
	seen := map[string]bool{}
	var spell func(i, left int, prefix string)
	spell = func(i, left int, prefix string) {
		if len(prefix) >= readKeyLen || left == 0 {
			if k := prefix[:min(len(prefix), readKeyLen)]; !seen[k] {
				seen[k] = true
				fn(k)
			}
			return
		}
		p := flat[i%len(flat)]
		// A character that does not begin its word may be voiced (more keys than
		// readingsAlign needs, where a run starts there, but none missing); a word's first
		// character may be a surname.
		readingsOf(rds[p.ti][p.ci], lang, p.ci == 0, p.ci == 0, true, func(r string) bool {
			spell(i+1, left-1, prefix+r)
			return false
		})
	}
	for start := range flat {
		spell(start, len(flat), "")
	}
}

// readingWord reports whether a Latin word, folded for the language, could spell readings of
// Han characters there: in Korean a sequence of Sino-Korean syllables (no final consonant, or
// one of ㄱ ㄴ ㄹ ㅁ ㅂ ㅇ ㅈ), after a surname's usual spelling or not; in Japanese a sequence of
// kana syllables, a consonant doubled before one (moppara); in Cantonese a sequence of its
// syllables as names write them (cantoneseSyllables). A Latin name whose words do not
// cannot pair by readingsAlign, and the index files no reading key for it
// (TestReadingWord checks every reading in the table).
func readingWord(t *token, lang int) bool {
	w := latinReading(t, lang)
	switch lang {
	case readJapanese:
		return spelledIn(w, kanaSyllables, true)
	case readCantonese:
		return spelledIn(w, cantoneseSyllables(), false)
	}
	if spelledIn(w, sinoKoreanSyllables(), false) {
		return true
	}
	for _, s := range surnameSpellings() {
		if rest, ok := strings.CutPrefix(w, s); ok && spelledIn(rest, sinoKoreanSyllables(), false) {
			return true
		}
	}
	return false
}

// spelledIn reports whether w is a sequence of syllables of set (of up to maxSyllable
// letters), with a consonant doubled before a syllable when doubled says so.
func spelledIn(w string, set *syllableSet, doubled bool) bool {
	return syllablesIn(w, set, doubled) >= 0
}

// syllablesIn is the fewest syllables of set w is a sequence of (see spelledIn), -1 if none.
func syllablesIn(w string, set *syllableSet, doubled bool) int {
	var buf [64]uint8
	fewest := buf[:0] // fewest[i]: the fewest syllables w[:i] is spelt in, plus one (0: none)
	if len(w) >= len(buf) {
		fewest = make([]uint8, 0, len(w)+1)
	}
	fewest = fewest[:len(w)+1]
	fewest[0] = 1
	reach := func(j int, n uint8) {
		if fewest[j] == 0 || n < fewest[j] {
			fewest[j] = n
		}
	}
	for i := range len(w) {
		if fewest[i] == 0 {
			continue
		}
		if doubled && i+1 < len(w) && w[i] == w[i+1] && !strings.ContainsRune("aeiou", rune(w[i])) {
			reach(i+1, fewest[i])
		}
		node := int32(0)
		for j := i; j < len(w) && j < i+maxSyllable; j++ {
			c := w[j] - 'a'
			if c >= 26 {
				break
			}
			if node = set.next[node][c]; node == 0 {
				break
			}
			if set.end[node] {
				reach(j+1, min(fewest[i], 254)+1)
			}
		}
	}
	return int(fewest[len(w)]) - 1
}

// A syllableSet holds syllables written in the letters a to z as a trie, for spelledIn, which
// reads a word's every part that may be one: walking the trie, it reads each letter once,
// where looking each part up in a map hashed it again (a third of the index's map time).
type syllableSet struct {
	next [][26]int32 // node → the node each letter leads to (0: none; node 0 is the root)
	end  []bool      // node → a syllable ends there
}

// newSyllableSet makes the set of the syllables of set written in a to z (others are left
// out: a word spelt in them is written in other letters).
func newSyllableSet(set map[string]bool) *syllableSet {
	t := &syllableSet{next: make([][26]int32, 1), end: make([]bool, 1)}
	for s := range set {
		if s == "" || strings.ContainsFunc(s, func(r rune) bool { return r < 'a' || r > 'z' }) {
			continue
		}
		node := int32(0)
		for i := range len(s) {
			c := s[i] - 'a'
			if t.next[node][c] == 0 {
				t.next = append(t.next, [26]int32{})
				t.end = append(t.end, false)
				t.next[node][c] = int32(len(t.next) - 1)
			}
			node = t.next[node][c]
		}
		t.end[node] = true
	}
	return t
}

const maxSyllable = 6 // zhuang, chuang; 뷁 is bwelg

// kanaSyllables are the syllables of Japanese in Latin letters (Hepburn and Kunrei), folded.
var kanaSyllables = func() *syllableSet {
	set := map[string]bool{"n": true}
	for _, c := range []string{"", "k", "g", "s", "z", "t", "d", "n", "h", "b", "p", "m", "y", "r", "w", "f", "j", "v", "sh", "ch", "ts", "ky", "gy", "ny", "hy", "by", "py", "my", "ry", "sy", "zy", "ty", "dy", "jy", "shy", "chy", "tsy"} {
		for _, v := range []string{"a", "i", "u", "e", "o"} {
			set[c+v] = true
		}
	}
	return newSyllableSet(set)
}()

var (
	sinoOnce      sync.Once
	sinoSyllables *syllableSet
	surnameFolds  []string
)

// sinoKoreanSyllables are the Hangul syllables Sino-Korean readings use, romanized and folded
// as the readings are.
func sinoKoreanSyllables() *syllableSet {
	sinoOnce.Do(func() {
		sinoSyllables = newSyllableSet(foldedHangulSyllables([]int{0, 1, 4, 8, 16, 17, 21, 22}, true))
		k := DefaultKnowledge()
		for _, s := range k.koSurnames {
			surnameFolds = append(surnameFolds, koreanFold(s))
			surnameFolds = append(surnameFolds, k.koOther[s]...)
		}
		slices.Sort(surnameFolds)
	})
	return sinoSyllables
}

// surnameSpellings are the usual Latin spellings of Korean surnames, folded.
func surnameSpellings() []string {
	sinoKoreanSyllables()
	return surnameFolds
}

// latinReadingKey is the retrieval key of a Latin name's reading in the language (see
// eachReadingKey), "" if the name has no word.
func latinReadingKey(n *name, lang int) string { return latinReadingKeyOf(n.tokens, lang) }

// latinReadingKeyOf is latinReadingKey of a name's tokens.
func latinReadingKeyOf(ts []*token, lang int) string {
	var b strings.Builder
	for _, t := range ts {
		if t.kind == kindLegal {
			continue // as readingWords
		}
		b.WriteString(latinReading(t, lang))
		if b.Len() >= readKeyLen {
			break
		}
	}
	k := b.String()
	return k[:min(len(k), readKeyLen)]
}
