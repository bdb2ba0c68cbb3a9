package match

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/ftm"
	"github.com/oversight-project/oversight/internal/par"
)

// Index holds entities for matching. Build it with Add, then call Match; Match may be called
// concurrently, but not at the same time as Add.
//
// Retrieval works on the index's vocabulary, not on its names. Each distinct token is kept
// once, under the keys a similar token shares: the token itself and its spelling with one
// letter deleted (so any one edit meets), its first and last three letters (from six letters
// on), its consonant skeletons, its Korean and Cyrillic folds, a Greek word without its
// ending, the East Slavic given name it is (givenName), and its sounds (a Latin word's other
// keys too: soundsAlt). The runs of syllables of a Hangul name are filed as its words, a
// whole Hangul word with its sound. A query token finds the vocabulary tokens that share a
// key, keeps those it is similar to, and their postings give the candidate names, each with
// an upper bound on the score it can reach; two neighbouring query words written together
// look up the vocabulary as one (compounds).
// What a query word pairs with is kept for the queries after it (pairsCache), as words recur.
// Whole names are filed too: normalised, without spaces, their halves (whollyOneEdit), their
// sound, the start of their Korean and Japanese readings (Han) or of their spelling as such
// readings (Latin), their pinyin spellings (a name in Wade–Giles), a pinyin name's writings
// in Hangul and Cyrillic and a Hangul or Cyrillic name's text (eachPinyinWritingKey), a Korean
// name's consonants and its renderings' (eachKoreanRenderingKey), each two neighbouring Latin
// words written together (compounds), and the consonant skeleton of a name in an abjad; and
// entities under their identifiers. Names are then scored in full in descending order of
// bound, until the bound falls below the threshold or below the score of the last of the best
// entities kept.
// Pairs of tokens that share no key (two typos far apart in one word) are not counted in the
// bound.
type Index struct {
	cfg  Config
	k    *Knowledge
	seed maphash.Seed

	entries []entry
	names   []*name            // every indexed name, by name id
	owner   []int32            // name id → position of its entity in entries
	raw     []string           // name id → the name as given
	vocab   map[vocabKey]int32 // the vocabulary ids of tokens; nil once frozen (see file)
	toks    []*token           // vocabulary id → the token, shared by the names that hold it
	post    [][]int32          // vocabulary id → ids of the names holding it, ascending
	df      map[string]int     // token text → number of names holding it; nil once frozen
	cache   *tokenCache        // the tokens of the names analysed since the last Freeze
	// Once frozen, an open-addressing table of vocabulary ids by their tokens' texts (one id
	// for each text, -1 in empty slots), and each id's document frequency (df of its text):
	// less than half the map's memory (docFreq).
	byText   []int32
	dfv      []int32
	tkeys    []hkey             // token keys → vocabulary ids (word tokens only)
	nkeys    []hkey             // name keys (the normalised name, the name written without spaces) → name ids
	ttable   keyTable           // where each hash's run starts and ends in tkeys
	ntable   keyTable           // the same for nkeys
	ids      map[string][]int32 // normalised identifier → positions of the entities holding it
	schemata []string           // the schemata of the indexed entities
	extra    []float64          // extraShare of each of schemata
	burmese  int                // names written in Burmese (see Match)
	baltic   int                // names in a Baltic language's form (see Match)
	// Once frozen: whether any word of the vocabulary is in Latin letters, in Cyrillic (keyed
	// looks up a query word's Russian forms only where there are words to find)
	latinWords, cyrillicWords bool

	// Derived on the first Match after an Add.
	mu     sync.Mutex
	frozen atomic.Bool
	nstat  []nameStat // name id → what the bounds read of the name, in one place
	// otherAt[id] : otherAt[id+1] is where the initials, particles and legal forms of name id
	// are in others (none for most names).
	otherAt []int32
	others  []*token
	pool    sync.Pool // *scratch
	pairs   pairsCache
}

// nameStat is what the bounds read of an indexed name.
type nameStat struct {
	weight float64 // the sum of its tokens' weights
	// patronymics is the weight of its patronymics, which count nothing left over against a
	// rendering in another script (align)
	patronymics float64
	extra       float64 // extraShare of its entity's schema
	hangul      bool    // it is written in Hangul
	// rendition: it has no token in Latin or Cyrillic letters (name.rendition)
	rendition bool
	// initials has bit initialBit(t) set for each initial t of the name, for the bounds to
	// see without reading the name which query words may pair with one (spellingSim pairs
	// an initial only with a word of its first letter as written or as its sound is spelt:
	// initialsOf).
	initials uint32
	stops    uint8 // particles: 0 none, shortStops only short Latin ones (shortStop), anyStops
	// short: it has a token a shortStop of the query may pair with: one that is not a word
	// that outgrowsStops
	short bool
	cjk   bool
	// titled: it is a title and one rare word (rareTitleWord)
	titled bool
	// norm is a hash of the normalised name, for telling most candidates from the query
	// without reading the name
	norm uint64
}

// rareTitleWord reports whether a name is a title and one word that weighs rareWeight or more
// (titledOutweighs), which may match a person's name at the threshold whatever the
// other words of that name (align).
func rareTitleWord(n *name) bool {
	w := n.titleWord()
	return w != nil && w.w >= rareWeight
}

// Values of nameStat.stops.
const (
	shortStops = 1 + iota
	anyStops
)

// shortStop reports whether a particle is a Latin one of up to three letters in every form
// spellingSim reads (al, bin, de): a word that outgrowsStops pairs with none.
func shortStop(t *token) bool {
	return t.script == "latin" && len(t.text) <= 3 && len(t.xr) <= 3
}

// outgrowsStops reports whether a word is Latin and too long in every form spellingSim reads to
// pair with a shortStop: it is not equal to one in any form, and one edit or a quarter of its
// letters is too few to reach one.
func outgrowsStops(t *token) bool {
	return t.script == "latin" && len(t.text) >= 4 && len(t.xr) >= 5 && (!t.folded || utf8.RuneCountInString(t.text) >= 4)
}

// initialBit is the bit of nameStat.initials for a token's first byte: one bit for each
// letter a–z, one for every other byte.
func initialBit(t *token) uint32 {
	return byteBit(t.text[0])
}

func byteBit(c byte) uint32 {
	if c >= 'a' && c <= 'z' {
		return 1 << (c - 'a')
	}
	return 1 << 31
}

// initialsOf are the bits of the initials a word may pair with (spellingSim): that of its
// first letter, and that of its spelling of its sound (initialFits); of a word in a script
// that renders (Han, Kana, Hangul, an abjad), those of every consonant whose class its sound
// begins with (initialFits: V. for 弗拉基米尔 or فلاديمير), a superset where initialFits
// asks more, as bounds may be; those of its marked reading; and that of its given name's
// Russian form (initialGiven).
func initialsOf(t *token) uint32 {
	b := initialBit(t)
	if t.xt != "" {
		b |= byteBit(t.xt[0])
	}
	if m := rendering(t.script); m != byLetters {
		for c := 'a'; c <= 'z'; c++ {
			if soundBegins(t, m, c) {
				b |= byteBit(byte(c))
			}
		}
	}
	if mk := t.marked(); mk != nil {
		b |= initialsOf(mk) // tokenSim pairs its marked reading too (В. for Уладзімір, vladimir)
	}
	if t.given != "" {
		b |= byteBit(t.given[0]) // initialGiven (V. for Wladimirowitsch)
	}
	return b
}

// entry is what a match reports of an indexed entity, and where its names are: the index
// keeps no more of the entity, so that the rest of it (addresses, dates, statements) can go.
type entry struct {
	id, caption                  string
	datasets, sources, countries []string
	schema                       int32 // position of the entity's schema in Index.schemata
	first                        int32 // id of the entity's first name; its names have consecutive ids
	n                            int32
}

type vocabKey struct {
	text   string
	kind   uint8
	soft   bool
	script string
	marked string // markedText
}

// markedText is the text of a token's marked reading (token.marked), or "".
func markedText(t *token) string {
	if m := t.marked(); m != nil {
		return m.text
	}
	return ""
}

// hkey is a hashed retrieval key and what it leads to: 8 bytes, half a million of them for
// the SDN list. Two keys whose 32-bit hashes collide lead a query to a candidate that shares
// no key with it, which is scored in full like any other (its bound is only looser): the SDN
// list's 200,000 distinct word-key hashes and 150,000 name-key hashes meet a query's key by
// chance once in 20,000 lookups or more.
type hkey struct {
	h  uint32
	id int32
}

// Key families. Word keys lead to vocabulary tokens; name keys lead to names.
const (
	keyExact      = 't' // the token, and its spelling with x written ks
	keyDelete     = 'd' // the token and each spelling with one letter deleted
	keyPrefix     = 'p' // first three letters
	keySuffix     = 's' // last three letters
	keySkeleton   = 'k' // consonant skeletons
	keyFold       = 'f' // Korean romanisation fold
	keyCyrLatin   = 'r' // cyrillicFold of a Latin word, filed for Cyrillic queries
	keyCyrillic   = 'R' // cyrillicFold of a Cyrillic word, filed for Latin queries
	keyGiven      = 'g' // the canonical form of an East Slavic given name (givenName)
	keyName       = 'N' // the whole normalised name
	keyJoined     = 'J' // the name written without spaces
	keyJoinedP    = 'P' // its first five letters (names of ten letters or more)
	keyJoinedS    = 'S' // its last five letters
	keyBigram     = 'C' // each pair of neighbouring characters of a name in Han, Hangul or Kana
	keyReadHan    = 'Q' // the start of a Han name's Korean or Japanese readings (eachReadingKey)
	keyReadLat    = 'q' // the start of a Latin name's spelling as such readings (latinReadingKey)
	keyWholeSk    = 'A' // the wholeSkeleton of a name in an abjad
	keyHalfP      = 'B' // the first half of a long name written without spaces (eachHalfKey)
	keyHalfS      = 'D' // its last half
	keyWadeGile   = 'W' // a name in Wade–Giles in pinyin without spaces (eachWadeGilesKey)
	keyHangulPy   = 'K' // a name in Hangul written without spaces (eachPinyinWritingKey)
	keyPinyinHg   = 'M' // a name in pinyin written in Hangul (eachPinyinWritingKey)
	keyCyrillicPy = 'U' // a name in Cyrillic written without spaces (eachPinyinWritingKey)
	keyPinyinCyr  = 'u' // a name in pinyin written in Cyrillic, Palladius's system (eachPinyinWritingKey)
	keyCyrKorean  = 'I' // the consonants of a name in Cyrillic read as a Korean one's (eachKoreanRenderingKey)
	keyKoreanCyr  = 'i' // the consonants of a Korean name in Latin letters or Hangul (eachKoreanRenderingKey)
	keyCompound   = 'j' // two neighbouring Latin words of a name written together (compounds)
	keyAbjadCmp   = 'b' // two neighbouring words of a name in an abjad, their skeleton together (abjadCompounds)
	keyRender     = 'Z' // the sound of a name in Han, Hangul or Kana, or in an abjad (renderingKeys, abjadRenderingKeys)
	keyFrame      = 'F' // the shape of a word of one consonant, and its vowels (frameShape)
	keyBurmese    = 'X' // the sound of a word of a name in Burmese (burmeseWordKeys), and of a Latin query's words
	keyBaltic     = 'L' // a key of a word of a name in a Baltic language's form without its ending (eachBalticKey)
)

// NewIndex returns an empty index.
func NewIndex(cfg Config) *Index {
	return &Index{cfg: cfg, k: DefaultKnowledge(), seed: maphash.MakeSeed(), vocab: map[vocabKey]int32{}, df: map[string]int{}, ids: map[string][]int32{}}
}

// Config returns the index's configuration.
func (ix *Index) Config() Config { return ix.cfg }

// Len returns the number of indexed entities.
func (ix *Index) Len() int { return len(ix.entries) }

// hash is the hash of a key: its family and the text a+b.
func (ix *Index) hash(family byte, a, b string) uint32 {
	var h maphash.Hash
	h.SetSeed(ix.seed)
	h.WriteByte(family)
	h.WriteString(a)
	h.WriteString(b)
	return uint32(h.Sum64() >> 32)
}

// Add indexes an entity under all its names. Entities without names are ignored.
func (ix *Index) Add(e *oversight.Entity) {
	ix.useCache()
	ix.insert(e, ix.analyse(e))
}

// AddAll indexes entities as Add does, in order: the names of a chunk of them are analysed on
// all cores while those of the chunk before are filed (filing is serial: it grows one
// vocabulary). The analyses' working memory, dead once their names are filed, is reused two
// chunks on rather than left among the index's own (with all 8,300 SDN parties analysed at
// once, the heap in use after the build was 3–4 MB larger).
func (ix *Index) AddAll(es []*oversight.Entity) {
	ix.useCache()
	const chunk = 256
	var bufs [2][]analysed
	for i := range bufs {
		bufs[i] = make([]analysed, min(chunk, len(es)))
	}
	analyse := func(c []*oversight.Entity, out []analysed) {
		par.Each(len(c), func(i int) { out[i] = ix.analyse(c[i]) })
	}
	next := func() []*oversight.Entity {
		c := es[:min(chunk, len(es))]
		es = es[len(c):]
		return c
	}
	c := next()
	analyse(c, bufs[0])
	for k := 0; len(c) > 0; k++ {
		n := next()
		done := make(chan struct{})
		go func() {
			defer close(done)
			analyse(n, bufs[(k+1)%2])
		}()
		out := bufs[k%2]
		for i, e := range c {
			ix.insert(e, out[i])
			out[i] = analysed{}
		}
		<-done
		c = n
	}
}

// AddEach indexes, with AddAll, a batch at a time, the entities each passes to its function,
// for callers that receive them one by one (a store's EachEntity). It returns each's error.
func (ix *Index) AddEach(each func(add func(*oversight.Entity) error) error) error {
	const batch = 1024
	var es []*oversight.Entity
	err := each(func(e *oversight.Entity) error {
		if es = append(es, e); len(es) == batch {
			ix.AddAll(es)
			es = es[:0]
		}
		return nil
	})
	if err != nil {
		return err
	}
	ix.AddAll(es)
	return nil
}

// useCache gives the analyses of names to file a token cache, if Freeze let it go.
func (ix *Index) useCache() {
	if ix.cache == nil {
		ix.cache = new(tokenCache)
	}
}

// analysed is an entity's names analysed for filing: each name, as given, and the hashes of
// its keys (eachNameKey); and the entity's identifiers (entityIdentifiers).
type analysed struct {
	names []*name
	raws  []string
	keys  [][]uint32
	ids   []string
}

// analyse analyses an entity's names and the names each lists with slashes (alternatives),
// leaving out those that normalise to nothing, and hashes their keys. It reads only the
// entity and the index's knowledge and seed: AddAll runs it on all cores while insert files
// the names of other entities.
func (ix *Index) analyse(e *oversight.Entity) analysed {
	var a analysed
	for _, whole := range e.Names() {
		for _, r := range ix.k.withAlternatives(whole) {
			if n := ix.k.analyzeAs(r, personal(e.Schema), ix.cache); n.normalized != "" {
				var keys []uint32
				eachNameKey(n, false, func(f byte, s string) { keys = append(keys, ix.hash(f, s, "")) })
				a.names, a.raws, a.keys = append(a.names, n), append(a.raws, r), append(a.keys, keys)
			}
		}
	}
	if len(a.names) > 0 {
		a.ids = entityIdentifiers(e)
	}
	return a
}

// insert files an entity's analysed names.
func (ix *Index) insert(e *oversight.Entity, a analysed) {
	if len(a.names) == 0 {
		return
	}
	ix.frozen.Store(false)
	pos := int32(len(ix.entries))
	schema := slices.Index(ix.schemata, e.Schema)
	if schema < 0 {
		schema = len(ix.schemata)
		ix.schemata = append(ix.schemata, e.Schema)
		ix.extra = append(ix.extra, extraShare(e.Schema))
	}
	ix.entries = append(ix.entries, entry{
		id: e.ID, caption: e.Caption(), datasets: e.Datasets, sources: e.Get("sourceUrl"), countries: e.Get("country"),
		schema: int32(schema), first: int32(len(ix.names)), n: int32(len(a.names)),
	})
	for _, id := range a.ids {
		if ps := ix.ids[id]; len(ps) == 0 || ps[len(ps)-1] != pos {
			ix.ids[id] = append(ps, pos)
		}
	}
	for i, n := range a.names {
		id := int32(len(ix.names))
		ix.names, ix.owner, ix.raw = append(ix.names, n), append(ix.owner, pos), append(ix.raw, a.raws[i])
		if n.burmese() {
			ix.burmese++
		}
		if n.baltic {
			ix.baltic++
		}
		seen := map[string]bool{}
		for j, t := range n.tokens {
			if !seen[t.text] {
				ix.dfMap()[t.text]++
				seen[t.text] = true
			}
			v := ix.file(t, id)
			n.tokens[j] = ix.toks[v]
		}
		// The runs of syllables of a Hangul name are filed as its words, for Latin words
		// that join syllables (Kim Jongun) to find it; they do not count in its weights.
		n.eachRun(func(text string) { ix.file(runWord(text), id) })
		for _, h := range a.keys[i] {
			ix.nkeys = append(ix.nkeys, hkey{h, id})
		}
	}
}

// entityIdentifiers are the normalised values of an entity's identifier properties (those
// of FtM type identifier: registrationNumber, taxNumber, leiCode, imoNumber, passportNumber …).
func entityIdentifiers(e *oversight.Entity) []string {
	sch := ftm.Default.Schema(e.Schema)
	if sch == nil {
		return nil
	}
	var out []string
	for prop, vs := range e.Properties {
		if p := sch.Properties[prop]; p == nil || p.Type != "identifier" {
			continue
		}
		for _, v := range vs {
			if id := normalizeIdentifier(v); id != "" {
				out = append(out, id)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// minIdentifier is the fewest letters and digits an identifier needs to count: shorter ones
// (a branch number, "1") identify nothing.
const minIdentifier = 5

// normalizeIdentifier keeps an identifier's letters and digits, in upper case (GB 123 456 789,
// GB123456789), or returns "" when fewer than minIdentifier remain.
func normalizeIdentifier(v string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(v) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	if utf8.RuneCountInString(b.String()) < minIdentifier {
		return ""
	}
	return b.String()
}

// identifierScore is the least score of an entity that holds one of the query's identifiers.
const identifierScore = 0.95

// file adds the token to the vocabulary, with its keys, if it is new there, and name id to its
// postings; it returns the token's vocabulary id.
func (ix *Index) file(t *token, id int32) int32 {
	if ix.vocab == nil {
		// Freeze let the map go (1.75 MB of the SDN list's 28 MB): it is made again
		// for Adds after it.
		ix.vocab = make(map[vocabKey]int32, len(ix.toks))
		for v, t := range ix.toks {
			ix.vocab[vocabKey{t.text, t.kind, t.soft, t.script, markedText(t)}] = int32(v)
		}
	}
	key := vocabKey{t.text, t.kind, t.soft, t.script, markedText(t)}
	v, ok := ix.vocab[key]
	if !ok {
		v = int32(len(ix.toks))
		ix.vocab[key] = v
		t.vid = v // t is the analyses' own (tokenCache), or made for filing
		ix.toks, ix.post = append(ix.toks, t), append(ix.post, nil)
		if t.kind == kindWord {
			eachTokenKey(t, false, func(f byte, a, b string) { ix.tkeys = append(ix.tkeys, hkey{ix.hash(f, a, b), v}) })
		}
	}
	if p := ix.post[v]; len(p) == 0 || p[len(p)-1] != id {
		ix.post[v] = append(p, id)
	}
	return v
}

// Sounds (see sounds) meet across scripts only: a Latin token or name is filed under the
// families of the first row, in each rendering mode, and looks up the second, under which a
// token or name in another script is filed in its own mode.
var (
	tokenSoundKeys = [2][3]byte{{'o', 'v', 'y'}, {'O', 'V', 'Y'}}
	nameSoundKeys  = [2][3]byte{{'e', 'g', 'h'}, {'E', 'G', 'H'}}
)

// eachSoundKey calls fn with the sound keys of a token or a name (min is 0 or 1, as in
// minSound), written in Latin or rendered in the given mode; query as for eachTokenKey.
func eachSoundKey(families [2][3]byte, sounds *[3]string, latin bool, mode, min int, query bool, fn func(family byte, s string)) {
	if latin {
		row := 0
		if query { // a Latin query looks up the keys of other scripts
			row = 1
		}
		for m, s := range sounds {
			if s != "" && len(s) >= keyMin(m, min) {
				fn(families[row][m], s)
			}
		}
		return
	}
	row := 1
	if query {
		row = 0
	}
	if s := sounds[mode]; s != "" && len(s) >= keyMin(mode, min) {
		fn(families[row][mode], s)
	}
}

// keyMin is the length of a sound key the index files in mode m: a word's (min 0, minFiled)
// or a whole name's (min 1, minSound).
func keyMin(m, min int) int {
	if min == 0 {
		return minFiled[m]
	}
	return minSound[m][min]
}

// eachTokenKey calls fn with each retrieval key of a word token, a+b. Two tokens whose
// similarity is above zero share a key unless they differ by two edits or more and not at
// one end, or are both shorter than six letters and differ by two edits (which leaves a
// similarity of zero unless their skeletons, which are keys, are equal), or are written in
// two scripts other than Latin and pair by their sound only, or are Latin words of two to four
// letters one edit apart (shortTypoSim): Match allows for those in its bounds only when a
// query found nothing without them (allowing for them always cost a fifth of the query time;
// filing keys for them, a sixth, and two-letter words were still missed). query says whether the keys are
// looked up for a query's token or filed for the index's.
func eachTokenKey(t *token, query bool, fn func(family byte, a, b string)) {
	if stem := greekStem(t); stem != "" {
		// A Greek word is also keyed without its ending (greekStemSim).
		eachSpellingKey(wordToken(stem, "greek"), fn)
	}
	eachSpellingKey(t, fn)
	if st := t.stem(); st != nil {
		// A word with a Baltic ending is also keyed as its stem (balticStemSim): the stem
		// of a query meets the word filed, and the stem filed the query's word.
		fn(keyExact, st.text, "")
		if st.xt != st.text {
			fn(keyExact, st.xt, "")
		}
	}
	if t.given != "" {
		fn(keyGiven, t.given, "") // givenName
	}
	if m := t.marked(); m != nil && !query {
		eachTokenKey(m, query, fn) // its marked reading (tokenSim; a query's: keyed)
	}
	if t.script == "latin" || t.script == "cyrillic" {
		// Cyrillic words meet Latin ones, and no others, by their folds.
		var f byte = keyCyrillic
		if (t.script == "latin") != query { // a Latin word filed, a Cyrillic query
			f = keyCyrLatin
		}
		fn(f, cyrillicFold(t.text), "")
		if t.script == "latin" {
			if p := polivanov(t.text); p != "" {
				fn(f, cyrillicFold(p), "") // cyrillicPair
			}
			if c := slavicC(t.text); c != "" {
				fn(f, cyrillicFold(c), "") // cyrillicPair
			}
		}
	}
	eachTokenSoundKey(t, query, fn)
	if g := givenReading(t); g != nil {
		eachTokenSoundKey(g, query, fn) // its Russian form's, which renderings render (tokenSim)
	}
}

// eachTokenSoundKey calls fn with the sound keys of a word token (see eachTokenKey).
func eachTokenSoundKey(t *token, query bool, fn func(family byte, a, b string)) {
	eachSoundKey(tokenSoundKeys, &t.sounds, alphabetic(t.script), rendering(t.script), 0, query, func(f byte, s string) { fn(f, s, "") })
	row := 0 // as in eachSoundKey: a Latin query looks up the keys of other scripts
	if query == alphabetic(t.script) {
		row = 1
	}
	for _, k := range t.alts() { // soundsAlt; of a Kana or Han word, syllabicAlt
		if k != "" && len(k) >= minFiled[bySyllables] {
			fn(tokenSoundKeys[row][bySyllables], k, "")
		}
	}
	for _, rk := range readingKeys(t) { // soundsAlt: the word as other languages say it
		fn(tokenSoundKeys[row][bySyllables], rk.key, "")
	}
}

// eachSpellingKey calls fn with the keys of a word's spelling (see eachTokenKey).
func eachSpellingKey(t *token, fn func(family byte, a, b string)) {
	fn(keyExact, t.text, "")
	if t.xt != t.text {
		fn(keyExact, t.xt, "")
	}
	rs := t.xr
	if len(rs) >= 3 {
		fn(keyDelete, t.xt, "")
	}
	if len(rs) >= 4 {
		at := 0 // byte offset of rs[i] in t.xt
		for i, r := range rs {
			next := at + utf8.RuneLen(r)
			if i == 0 || rs[i-1] != r { // deleting either of two equal neighbours is one key
				fn(keyDelete, t.xt[:at], t.xt[next:])
			}
			at = next
		}
	}
	if len(rs) >= 6 {
		fn(keyPrefix, string(rs[:3]), "")
		fn(keySuffix, string(rs[len(rs)-3:]), "")
	}
	if len(t.skelX) >= 2 {
		fn(keySkeleton, t.skelX, "")
	}
	if len(t.skel) >= 2 && t.skel != t.skelX {
		fn(keySkeleton, t.skel, "")
	}
	if t.script == "arabic" && strings.Contains(t.text, "tsh") {
		fn(keySkeleton, tshAsCh(t.text), "") // abjadSim
	}
	if k := withoutArticle(t); k != "" {
		fn(keySkeleton, k, "") // abjadSim
	}
	if k := ghAsG(t); len(k) >= 2 {
		fn(keySkeleton, k, "") // abjadSim
	}
	if k := qAsG(t); len(k) >= 2 {
		fn(keySkeleton, k, "") // abjadSim
	}
	if k := taMarbuta(t); k != "" {
		fn(keySkeleton, k, "") // abjadSim
	}
	if k := innerJAsY(t); k != "" {
		fn(keySkeleton, k, "") // abjadSim
	}
	if k := jAsY(t); k != nil {
		fn(keySkeleton, k.skel, "") // abjadSim
		if k.skelX != k.skel {
			fn(keySkeleton, k.skelX, "")
		}
	}
	for _, k := range hebrewSoftSkeletons(t) {
		if k != "" {
			fn(keySkeleton, k, "") // abjadSim
		}
	}
	if k := frameShape(t); k != "" {
		fn(keyFrame, k, "") // writesEveryVowel
	}
	if k := glideShape(t); k != "" {
		fn(keyFrame, k, "") // writesEveryVowel, consonantGlide
	}
	fn(keyFold, t.fold, "")
	if t.script == "hangul" && strings.Contains(t.text, "eo") {
		fn(keyFold, hangulFold(eoAsU(t.text)), "") // koreanU
	}
}

// eachNameKey calls fn with each retrieval key of a whole name; query as for eachTokenKey.
func eachNameKey(n *name, query bool, fn func(family byte, s string)) {
	fn(keyName, n.normalized)
	var sounds [3]string
	for m := range sounds {
		if m != byLetters && (n.alphabetic || m == n.rendering) { // as in compare
			sounds[m] = joinSounds(n.tokens, m)
		}
	}
	eachSoundKey(nameSoundKeys, &sounds, n.alphabetic, n.rendering, 1, query, fn)
	if n.cjk {
		// Han, Hangul and Kana names are compared character by character, and across these
		// scripts by sound (renderingsMeet).
		rs := []rune(n.normalized)
		for i := 0; i+1 < len(rs); i++ {
			fn(keyBigram, string(rs[i:i+2]))
		}
		keys, _ := n.renderingKeys()
		for _, k := range keys {
			fn(keyRender, k)
		}
	}
	for _, k := range n.abjadRenderingKeys() { // abjadRenderingMeet, as renderingKeys above
		fn(keyRender, k)
	}
	for _, k := range burmeseRenderingKeys(n) { // burmeseRenderingMeet
		fn(keyRender, k)
	}
	// A name in Burmese is filed under its words' sounds, which the words of a query in Latin
	// letters (or another alphabet) look up (Match).
	if !query {
		for _, k := range burmeseWordKeys(n) {
			fn(keyBurmese, k)
		}
		// A name in a Baltic language's form is filed under the keys of its words without
		// their endings, which the words of a rendered query look up (Match).
		eachBalticKey(n, func(f byte, a, b string) { fn(keyBaltic, balticKey(f, a, b)) })
	}
	eachReadKey(n, query, fn)
	// A name in pinyin and one in Hangul or Cyrillic meet by the writing of the pinyin in
	// that script.
	eachPinyinWritingKey(n, query, fn)
	// A Korean name and its Cyrillic or Katakana meet by their consonants.
	eachKoreanRenderingKey(n, func(rendered bool, s string) {
		f := byte(keyCyrKorean)
		if rendered == query {
			f = keyKoreanCyr
		}
		fn(f, s)
	})
	// A Latin query looks up the whole skeletons of the names in abjads.
	if n.abjad && !query || n.latin && query {
		if k := wholeSkeleton(n); len(k) >= minWholeSkeleton {
			fn(keyWholeSk, k)
		}
	}
	if !query {
		// A query's word meets two neighbouring words of a name written as one (Abdulrahman,
		// Abdul Rahman) by this key, spelt exactly so; Match looks it up word by word.
		for i := 0; i+1 < len(n.tokens); i++ {
			if compoundPart(n.tokens[i]) && compoundPart(n.tokens[i+1]) {
				fn(keyCompound, n.tokens[i].text+n.tokens[i+1].text)
			}
			if k := abjadCompound(n.tokens[i], n.tokens[i+1]); k != "" {
				fn(keyAbjadCmp, k) // a Latin query's word looks its skeletons up (Match)
			}
		}
	}
	if n.joined == "" {
		return
	}
	// A name in Wade–Giles is filed under its pinyin spellings, which a query in Han or pinyin
	// looks up by its own; a query in Wade–Giles looks up the names in Han or pinyin by their
	// joined forms (Match).
	if query {
		fn(keyWadeGile, n.joined)
	} else {
		eachWadeGilesKey(n, func(s string) { fn(keyWadeGile, s) })
	}
	fn(keyJoined, n.joined)
	if all := strings.ReplaceAll(n.normalized, " ", ""); all != n.joined {
		fn(keyJoined, all) // particles and legal forms included: see equalWithoutSpaces
	}
	if n.jn >= 10 { // below ten letters no edit keeps a ratio of 0.9
		jr := []rune(n.joined)
		fn(keyJoinedP, string(jr[:5]))
		fn(keyJoinedS, string(jr[len(jr)-5:]))
	}
	eachHalfKey(n, query, fn)
}

// eachHalfKey calls fn with the keys by which two names one edit apart written without spaces
// (whollyOneEdit) meet: for a name of L letters (L >= minTypoLetters), its first and its last
// m = (L-1)/2 letters, with L. One edit leaves one of the two alone. A query looks up the keys
// of the lengths one less, the same and one more.
func eachHalfKey(n *name, query bool, fn func(family byte, s string)) {
	l := lettersWithoutSpaces(n)
	if l < minTypoLetters {
		return
	}
	all := []rune(strings.ReplaceAll(n.normalized, " ", ""))
	lengths := []int{l}
	if query {
		lengths = []int{l - 1, l, l + 1}
	}
	for _, L := range lengths {
		m := (L - 1) / 2
		if L < minTypoLetters || m > len(all) {
			continue
		}
		fn(keyHalfP, strconv.Itoa(L)+":"+string(all[:m]))
		fn(keyHalfS, strconv.Itoa(L)+":"+string(all[len(all)-m:]))
	}
}

// eachReadKey calls fn with the keys by which a Han name and a Latin name that
// readingsAlign may pair meet: a Han name's are filed under keyReadHan and looked up, for a
// Han query, under keyReadLat, and the other way round for a Latin name's.
func eachReadKey(n *name, query bool, fn func(family byte, s string)) {
	han, lat := byte(keyReadHan), byte(keyReadLat)
	if query {
		han, lat = lat, han
	}
	ws := n.readingWords()
	for lang := range readLanguages {
		if n.chars != nil {
			eachReadingKey(n.chars, lang, func(k string) { fn(han, string(rune('0'+lang))+k) })
		}
		if ws != nil && readsIn(ws[0].script, lang) && !slices.ContainsFunc(ws, func(t *token) bool { return !readingWord(t, lang) }) {
			if k := latinReadingKey(n, lang); k != "" {
				fn(lat, string(rune('0'+lang))+k)
			}
		} else if lang == readCantonese && ws != nil {
			if rest := withoutWesternName(ws); rest != nil { // readingsWithWesternName
				if k := latinReadingKeyOf(rest, lang); k != "" {
					fn(lat, string(rune('0'+lang))+k)
				}
			}
		}
	}
}

// Freeze prepares the index for matching after Adds: it sorts the retrieval keys and
// computes the weights. Match calls it when needed; call it to do the work up front.
func (ix *Index) Freeze() {
	if ix.frozen.Load() {
		return
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.frozen.Load() {
		return
	}
	ix.pairs.clear()
	// The two tables are sorted at once, on two cores where there are.
	done := make(chan struct{})
	go func() {
		defer close(done)
		ix.tkeys = sortedKeys(ix.tkeys)
		ix.ttable = newKeyTable(ix.tkeys)
	}()
	ix.nkeys = sortedKeys(ix.nkeys)
	ix.ntable = newKeyTable(ix.nkeys)
	<-done
	ix.latinWords, ix.cyrillicWords = false, false
	for _, t := range ix.toks {
		t.w = ix.weight(t)
		ix.latinWords = ix.latinWords || t.script == "latin"
		ix.cyrillicWords = ix.cyrillicWords || t.script == "cyrillic"
	}
	ix.vocab = nil // only filing reads it (file)
	ix.cache = nil // nor analysing names to file
	if ix.df != nil {
		ix.freezeDocFreq()
	}
	ix.nstat = make([]nameStat, len(ix.names))
	ix.otherAt, ix.others = make([]int32, len(ix.names)+1), nil
	for i, n := range ix.names {
		st := &ix.nstat[i]
		*st = nameStat{weight: n.total(), patronymics: n.patronymics(), extra: ix.extra[ix.entries[ix.owner[i]].schema], hangul: n.hangul, rendition: n.rendition,
			cjk: n.cjk, titled: rareTitleWord(n), norm: maphash.String(ix.seed, n.normalized)}
		for _, t := range n.tokens {
			if t.kind != kindWord {
				ix.others = append(ix.others, t)
			}
			if t.kind != kindWord || !outgrowsStops(t) {
				st.short = true
			}
			switch t.kind {
			case kindInitial:
				st.initials |= initialBit(t)
			case kindStop:
				if shortStop(t) {
					st.stops = max(st.stops, shortStops)
				} else {
					st.stops = anyStops
				}
			}
		}
		ix.otherAt[i+1] = int32(len(ix.others))
	}
	ix.frozen.Store(true)
}

// sortedKeys returns keys sorted (sortKeys), each once, in an array of their size: they were
// appended as names were filed, and the array they grew in may be up to twice as large.
func sortedKeys(keys []hkey) []hkey {
	sortKeys(keys)
	if keys = slices.Compact(keys); cap(keys) > len(keys)+len(keys)/16 {
		keys = slices.Clone(keys)
	}
	return keys
}

// sortKeys sorts keys as byHash does, by a least-significant-digit radix sort on what they
// lead to and then on the hash, 16 bits at a time: a comparison sort of the SDN list's half
// a million keys took a tenth of the index build.
func sortKeys(keys []hkey) {
	if len(keys) < 256 {
		slices.SortFunc(keys, byHash)
		return
	}
	src, dst := keys, make([]hkey, len(keys))
	var count [1 << 16]int
	digit := func(k hkey, pass int) int {
		if pass < 2 {
			return int(uint32(k.id)>>(16*pass)) & 0xFFFF
		}
		return int(k.h>>(16*(pass-2))) & 0xFFFF
	}
	for pass := range 4 {
		clear(count[:])
		for _, k := range src {
			count[digit(k, pass)]++
		}
		if count[digit(src[0], pass)] == len(src) {
			continue // every key has this digit
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for _, k := range src {
			d := digit(k, pass)
			dst[count[d]] = k
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
}

// byHash orders keys by hash, then by what they lead to.
func byHash(a, b hkey) int {
	if a.h != b.h {
		if a.h < b.h {
			return -1
		}
		return 1
	}
	return int(a.id - b.id)
}

// keyTable finds the keys filed under a hash in keys sorted by hash: the hashes' top bits
// choose a bucket, and start holds where each bucket's keys begin, so a lookup reads two
// numbers and scans a bucket of two to four keys, in one or two cache lines. (A map from hash
// to run took four times the memory: 9 MB for the SDN list. A bucket for each key took 3 MB
// of the index's 35 MB; one for four keys takes 0.75 MB.)
type keyTable struct {
	shift uint     // 32 - the number of the hash's bits that choose a bucket
	start []uint32 // bucket → position of its first key in keys; one more at the end
	keys  []hkey
}

// newKeyTable builds the table of keys sorted by hash.
func newKeyTable(keys []hkey) keyTable {
	b := max(1, bits.Len(uint(len(keys)))-2) // a bucket for two to four keys
	t := keyTable{shift: uint(32 - b), start: make([]uint32, 1<<b+1), keys: keys}
	bucket := 0
	for i, k := range keys {
		for kb := int(k.h >> t.shift); bucket <= kb; bucket++ {
			t.start[bucket] = uint32(i)
		}
	}
	for ; bucket < len(t.start); bucket++ {
		t.start[bucket] = uint32(len(keys))
	}
	return t
}

func (t keyTable) lookup(h uint32) []hkey {
	if len(t.start) == 0 {
		return nil
	}
	b := h >> t.shift
	lo, hi := t.start[b], t.start[b+1]
	for lo < hi && t.keys[lo].h < h {
		lo++
	}
	end := lo
	for end < hi && t.keys[end].h == h {
		end++
	}
	return t.keys[lo:end]
}

// freezeDocFreq puts the document frequencies of the map df in dfv and byText (docFreq), and
// lets the map go.
func (ix *Index) freezeDocFreq() {
	ix.dfv = make([]int32, len(ix.toks))
	for v, t := range ix.toks {
		ix.dfv[v] = int32(ix.df[t.text])
	}
	ix.byText = make([]int32, 1<<bits.Len(uint(2*len(ix.toks))))
	for i := range ix.byText {
		ix.byText[i] = -1
	}
	mask := uint64(len(ix.byText) - 1)
	for v, t := range ix.toks {
		i := maphash.String(ix.seed, t.text) & mask
		for ix.byText[i] >= 0 && ix.toks[ix.byText[i]].text != t.text {
			i = (i + 1) & mask
		}
		if ix.byText[i] < 0 {
			ix.byText[i] = int32(v)
		}
	}
	ix.df = nil
}

// dfMap returns the document frequencies by text, made again from dfv after a freeze.
func (ix *Index) dfMap() map[string]int {
	if ix.df == nil {
		ix.df = make(map[string]int, len(ix.dfv))
		for v, n := range ix.dfv {
			ix.df[ix.toks[v].text] = int(n)
		}
		ix.dfv, ix.byText = nil, nil
	}
	return ix.df
}

// docFreq is the number of names holding a token of the text.
func (ix *Index) docFreq(text string) int {
	if ix.df != nil {
		return ix.df[text]
	}
	if len(ix.byText) == 0 {
		return 0
	}
	mask := uint64(len(ix.byText) - 1)
	for i := maphash.String(ix.seed, text) & mask; ; i = (i + 1) & mask {
		switch v := ix.byText[i]; {
		case v < 0:
			return 0
		case ix.toks[v].text == text:
			return int(ix.dfv[v])
		}
	}
}

// weight is a token's weight in this index: rare tokens decide, common ones do not.
func (ix *Index) weight(t *token) float64 {
	w := kindWeight(t)
	if len(ix.names) < 20 || t.kind != kindWord {
		return w
	}
	df := ix.docFreq(t.text)
	// Inverse document frequency, scaled to (0.3, 1]: a token in every name weighs 0.3.
	n := float64(len(ix.names) + 1)
	idf := math.Log(n/float64(df+1)) / math.Log(n)
	return w * (0.3 + 0.7*max(0, min(1, idf)))
}

// How a candidate name was found: bits of scratch.found.
const (
	foundWord  = 1 << iota // a word of the query paired with a word of the name
	foundWhole             // by a key of the name written without spaces
	foundNamed             // by a key of the whole name
	foundSound             // by the sound of the whole name
	foundRuns              // may pair by syllableRuns
	foundRead              // may pair by readingsAlign, wadeGilesAlign or pinyinWritingAlign
	foundSkel              // pairs by wholeSkeleton
	foundTypo              // may pair by whollyOneEdit
)

// scratch is one query's working memory, kept between queries.
type scratch struct {
	slot  []int32   // name id → candidate number; -1 not seen, -2 not wanted
	seen  []int32   // name ids whose slot is set
	cands []int32   // candidate number → name id
	found []uint8   // candidate number → how it was found (foundWord …)
	cm    []float64 // candidate × query token → best contribution (similarity × both weights)
	wm    []float64 // candidate × query token → largest weight of a name token it pairs with
	vocab []int32
	hits  []wordHit
	memo  simMemo
}

// wordHit is a vocabulary token a query word pairs with: the word's position, the token's
// vocabulary id, and what the pair adds to a name's score (similarity × both weights).
type wordHit struct {
	qi      int32
	v       int32
	contrib float64
}

// simMemo holds, for one query, the similarities tokenSim gave of its tokens (by position)
// and tokens of the index (by vocabulary id): the bounds compare a query's initials and
// particles with every token of each candidate, and the same tokens recur across candidates.
type simMemo struct {
	keys [memoSize]uint64 // vocabulary id+1 << 16 | position; 0 for an empty slot
	sims [memoSize]float64
	used []int32
}

const memoSize = 1 << 10

// sim is tokenSim(qt, t), qt the query's token at qi and t a token of the index.
func (m *simMemo) sim(qi int, qt, t *token) float64 {
	if qi >= 1<<16 {
		return tokenSim(qt, t)
	}
	key := uint64(t.vid+1)<<16 | uint64(qi)
	i := int(key*0x9E3779B97F4A7C15>>54) & (memoSize - 1)
	for m.keys[i] != 0 {
		if m.keys[i] == key {
			return m.sims[i]
		}
		i = (i + 1) & (memoSize - 1)
	}
	s := tokenSim(qt, t)
	if len(m.used) < memoSize/2 { // a table half full stays quick to probe
		m.keys[i], m.sims[i] = key, s
		m.used = append(m.used, int32(i))
	}
	return s
}

func (m *simMemo) reset() {
	for _, i := range m.used {
		m.keys[i] = 0
	}
	m.used = m.used[:0]
}

func (ix *Index) scratch() *scratch {
	if s, ok := ix.pool.Get().(*scratch); ok && len(s.slot) == len(ix.names) {
		return s
	}
	s := &scratch{slot: make([]int32, len(ix.names))}
	for i := range s.slot {
		s.slot[i] = -1
	}
	return s
}

func (ix *Index) release(s *scratch) {
	for _, id := range s.seen {
		s.slot[id] = -1
	}
	s.seen, s.cands, s.found, s.cm, s.wm = s.seen[:0], s.cands[:0], s.found[:0], s.cm[:0], s.wm[:0]
	s.memo.reset()
	ix.pool.Put(s)
}

// keyed returns the vocabulary ids of the tokens that share a key with query token qt, once
// each, in sc.vocab.
func (ix *Index) keyed(sc *scratch, qt *token) []int32 {
	sc.vocab = sc.vocab[:0]
	eachTokenKey(qt, true, func(f byte, a, b string) {
		for _, k := range ix.ttable.lookup(ix.hash(f, a, b)) {
			sc.vocab = append(sc.vocab, k.id)
		}
	})
	if m := qt.marked(); m != nil {
		// The word's marked reading is compared with words in other scripts only
		// (tokenSim): the Latin words its keys find are the word's own business.
		eachTokenKey(m, true, func(f byte, a, b string) {
			for _, k := range ix.ttable.lookup(ix.hash(f, a, b)) {
				if ix.toks[k.id].script != "latin" {
					sc.vocab = append(sc.vocab, k.id)
				}
			}
		})
	}
	// A Latin name's Russian forms, and a Russian word's Latin ones, which tokenSim pairs
	// (latinStemSim, russianH) but whose keys differ: found by the keys of the query word so
	// read, among the words of the other script.
	if qt.script == "latin" && !ix.cyrillicWords || qt.script == "cyrillic" && !ix.latinWords {
		return ix.sortedVocab(sc)
	}
	russianForms(qt, func(r *token, script string) {
		eachTokenKey(r, true, func(f byte, a, b string) {
			for _, k := range ix.ttable.lookup(ix.hash(f, a, b)) {
				if ix.toks[k.id].script == script {
					sc.vocab = append(sc.vocab, k.id)
				}
			}
		})
	})
	return ix.sortedVocab(sc)
}

// sortedVocab sorts sc.vocab and leaves each id once.
func (ix *Index) sortedVocab(sc *scratch) []int32 {
	slices.Sort(sc.vocab)
	sc.vocab = slices.Compact(sc.vocab)
	return sc.vocab
}

// pairsOf returns the vocabulary tokens a query word pairs with (tokenSim above 0), with their
// similarities, from ix.pairs when the word was asked for before.
func (ix *Index) pairsOf(sc *scratch, qt *token) []vocabPair {
	k := qt.key()
	if ps, gen := ix.pairs.get(k); gen > 0 {
		if gen == 2 {
			ix.pairs.put(k, ps)
		}
		return ps
	}
	var ps []vocabPair
	for _, v := range ix.keyed(sc, qt) {
		if sim := tokenSim(qt, ix.toks[v]); sim > 0 {
			ps = append(ps, vocabPair{v, sim})
		}
	}
	ix.pairs.put(k, ps)
	return ps
}

// pairsCache holds the vocabulary tokens that query words asked for before pair with: in a
// batch of names most words recur (given names, family names, legal forms, words such as
// trading or bank), and finding what a word pairs with is a fifth of a query's time. It
// keeps two generations of up to pairsGeneration words each: the older is dropped when the
// newer is full, and a word found in it moves to the newer.
type pairsCache struct {
	mu        sync.RWMutex
	cur, prev map[tokenKey][]vocabPair
}

type vocabPair struct {
	v   int32
	sim float64
}

const pairsGeneration = 1 << 13

// get returns the pairs of a word and the generation it is in: 1 the newer, 2 the older, 0
// none.
func (c *pairsCache) get(k tokenKey) ([]vocabPair, int) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if ps, ok := c.cur[k]; ok {
		return ps, 1
	}
	if ps, ok := c.prev[k]; ok {
		return ps, 2
	}
	return nil, 0
}

func (c *pairsCache) put(k tokenKey, ps []vocabPair) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.cur) >= pairsGeneration || c.cur == nil {
		c.prev, c.cur = c.cur, make(map[tokenKey][]vocabPair, pairsGeneration)
	}
	c.cur[k] = ps
}

// clear empties the cache: the vocabulary has changed.
func (c *pairsCache) clear() {
	c.mu.Lock()
	c.cur, c.prev = nil, nil
	c.mu.Unlock()
}

// below reports whether a score is under minScore by more than the error of its arithmetic:
// a pair of words by ear (0.9) scores 0.9 × (wa + wb) / (wa + wb) in an index, where the
// words' weights may make it 0.8999999999999999, which is no less a match than the 0.9 that
// ScoreSchema (and oversight match --pairs) gives it.
func below(score, minScore float64) bool { return score+1e-9 < minScore }

// Match returns the entities whose names score at least minScore for the query, best first,
// at most q.Limit (or the configured limit). A query that lists several names with slashes
// (alternatives) finds what each of them and the whole find, each entity with its best score.
func (ix *Index) Match(q oversight.NameQuery, minScore float64) []*oversight.Match {
	ix.Freeze()
	// The readings of the query: each name it lists, and each that has a title also as an
	// organisation's name, whose words can be titles (General Electric).
	// A name in Hangul that joins the Arabic article to a word is read with it apart and
	// without it too (hangulArticleForms); what those readings find is scored again with the
	// name as given, which compares them only with names that write the article
	// (hangulArticleSim).
	var readings []*name
	var article map[*name]*name // a reading → the name it reads
	for _, a := range ix.k.withAlternatives(q.Name) {
		n := ix.k.analyze(a)
		readings = append(readings, n)
		if n.titled {
			readings = append(readings, ix.k.analyzeOrg(a))
		}
		if split, drop := ix.k.hangulArticleForms(n); split != nil {
			if article == nil {
				article = map[*name]*name{}
			}
			readings, article[split], article[drop] = append(readings, split, drop), n, n
		}
	}
	if len(readings) == 1 {
		return ix.matchName(q, readings[0], minScore)
	}
	var out []*oversight.Match
	seen := map[string]*oversight.Match{}
	for _, qn := range readings {
		for _, m := range ix.matchName(q, qn, minScore) {
			if given := article[qn]; given != nil {
				s := ix.bestScore(given, m.ID)
				if below(s, minScore) {
					continue
				}
				m.Score = round(s)
			}
			switch b := seen[m.ID]; {
			case b == nil:
				seen[m.ID] = m
				out = append(out, m)
			case m.Score > b.Score:
				*b = *m
			}
		}
	}
	slices.SortFunc(out, byScore)
	if limit := ix.limit(q); len(out) > limit {
		out = out[:limit]
	}
	return out
}

// bestScore is the best score of a name against the names of the entity of the given ID
// (compare). It looks the entity up one by one: only queries in Hangul that join the Arabic
// article to a word ask (Match).
func (ix *Index) bestScore(n *name, id string) float64 {
	best := 0.0
	for _, e := range ix.entries {
		if e.id == id {
			for _, nb := range ix.names[e.first : e.first+e.n] {
				s, _ := compare(n, nb, ix.extra[e.schema])
				best = max(best, s)
			}
			break
		}
	}
	return best
}

// limit is the most matches a query returns: its own limit, or the configured one, or the
// default when neither is positive.
func (ix *Index) limit(q oversight.NameQuery) int {
	switch {
	case q.Limit > 0:
		return q.Limit
	case ix.cfg.Limit > 0:
		return ix.cfg.Limit
	}
	return DefaultConfig().Limit
}

// byScore orders matches best first, then by entity ID.
func byScore(a, b *oversight.Match) int {
	switch {
	case a.Score > b.Score:
		return -1
	case a.Score < b.Score:
		return 1
	}
	return strings.Compare(a.ID, b.ID)
}

// matchName is Match for one reading of the query.
func (ix *Index) matchName(q oversight.NameQuery, qn *name, minScore float64) []*oversight.Match {
	if qn.normalized == "" || len(ix.names) == 0 {
		return nil
	}
	ms := ix.match(q, qn, minScore, false)
	if len(ms) == 0 && minScore > 0 && slices.ContainsFunc(qn.tokens, shortLatin) {
		// Found nothing: look again allowing, in the bounds, for short words one edit from
		// the query's (shortTypoSim), which share no key with them. Doing so for every query
		// would cost a fifth of the query time.
		ms = ix.match(q, qn, minScore, true)
	}
	return ms
}

// shortLatin reports whether a token is a Latin word, or a Burmese syllable, of two to four
// letters (shortTypoSim).
func shortLatin(t *token) bool {
	return t.kind == kindWord && (t.script == "latin" || t.script == "myanmar") && len(t.xr) >= 2 && len(t.xr) <= 4
}

// match is Match for an analysed query; allowShort allows in the bounds for short words one
// edit apart.
func (ix *Index) match(q oversight.NameQuery, qn *name, minScore float64, allowShort bool) []*oversight.Match {
	limit := ix.limit(q)
	for _, t := range qn.tokens {
		t.w = ix.weight(t)
	}
	var wanted []bool // by position in ix.schemata
	if len(q.Schemata) > 0 {
		wanted = make([]bool, len(ix.schemata))
		for i, s := range ix.schemata {
			wanted[i] = slices.Contains(q.Schemata, s)
		}
	}
	sc := ix.scratch()
	defer ix.release(sc)
	nq := len(qn.tokens)
	candidate := func(id int32) int32 {
		c := sc.slot[id]
		if c == -1 {
			sc.seen = append(sc.seen, id)
			if wanted != nil && !wanted[ix.entries[ix.owner[id]].schema] {
				sc.slot[id] = -2
				return -2
			}
			c = int32(len(sc.cands))
			sc.slot[id] = c
			sc.cands, sc.found = append(sc.cands, id), append(sc.found, 0)
			for range nq {
				sc.cm, sc.wm = append(sc.cm, 0), append(sc.wm, 0)
			}
		}
		return c
	}

	// Entities holding one of the query's identifiers: candidates whatever their names.
	var identified map[int32]bool // entity position → holds a query identifier
	for _, v := range q.Identifiers {
		for _, pos := range ix.ids[normalizeIdentifier(v)] {
			if identified == nil {
				identified = map[int32]bool{}
			}
			identified[pos] = true
			candidate(ix.entries[pos].first)
		}
	}
	// Words of the query: similar vocabulary tokens, then the names that hold them.
	// pairWord records that query word qi pairs with a word of name id, contributing contrib
	// to the score and w of the name's weight at most.
	pairWord := func(id int32, qi int, contrib, w float64) {
		if c := candidate(id); c >= 0 {
			sc.found[c] |= foundWord
			at := int(c)*nq + qi
			sc.cm[at] = max(sc.cm[at], contrib)
			sc.wm[at] = max(sc.wm[at], w)
		}
	}
	ta := qn.total()
	// Bounds for name id (see bound): patronymics left over count nothing against a name with
	// none or in a comparison with a rendering (compare).
	// A title and one word, of the query or the name, may match a person's name at the
	// threshold whatever the other name's other words weigh (align): the bound is the
	// threshold then.
	qRendition, qPatronymics, qTitled := qn.rendition, qn.patronymics(), rareTitleWord(qn)
	boundFor := func(id int32, u, r0, mb, extra float64) float64 {
		st := &ix.nstat[id]
		ta, tb := ta, st.weight
		if qRendition || st.rendition || qn.patronymic == 0 || st.patronymics == 0 {
			tb -= st.patronymics
			ta, r0 = ta-qPatronymics, max(0, r0-qPatronymics)
		}
		b := bound(u, r0, mb, ta, tb, extra)
		if qTitled || st.titled {
			b = max(b, byEarSim)
		}
		return b
	}
	var words, others []int // positions of the query's words and of its other tokens
	for i, t := range qn.tokens {
		if t.kind == kindWord {
			words = append(words, i)
		} else {
			others = append(others, i)
		}
	}
	// What a query token could add at most through pairs not yet counted: a particle, initial or
	// legal form of the query with any token of the name, a word of the query with an initial
	// (of its first letter) or a particle of the name. A particle or legal form of up to three
	// letters pairs only with itself. A word pairs with no legal form.
	other, vsInitial, vsStop, shortAllow := make([]float64, nq), make([]float64, nq), make([]float64, nq), make([]float64, nq)
	vsShortStop := make([]float64, nq) // vsStop, or 0 for a word that outgrowsStops
	qInitials := make([]uint32, nq)    // initialsOf each query token
	for qi, t := range qn.tokens {
		qInitials[qi] = initialsOf(t)
	}
	vsOther := func(st *nameStat, qi int) float64 {
		v := 0.0
		if st.initials&qInitials[qi] != 0 {
			v = vsInitial[qi]
		}
		switch st.stops {
		case anyStops:
			v = max(v, vsStop[qi])
		case shortStops:
			v = max(v, vsShortStop[qi])
		}
		return v
	}
	var shortWords []int
	for i, t := range qn.tokens {
		if allowShort && shortLatin(t) {
			shortAllow[i] = shortTypoSim * (t.w + 1)
			shortWords = append(shortWords, i)
		}
		switch t.kind {
		case kindWord:
			vsInitial[i] = 0.9 * (t.w + kindWeight(&token{kind: kindInitial}))
			vsStop[i] = t.w + kindWeight(&token{kind: kindStop}) // alt pairs with al, at 0.7
			if !outgrowsStops(t) {
				vsShortStop[i] = vsStop[i]
			}
		default:
			other[i] = otherBound(t)
		}
	}
	// The vocabulary tokens each query word pairs with, and the most each word can add.
	sc.hits = sc.hits[:0]
	best := make([]float64, nq)
	for qi, qt := range qn.tokens {
		if qt.kind != kindWord {
			continue
		}
		for _, h := range ix.pairsOf(sc, qt) {
			c := h.sim * (qt.w + ix.toks[h.v].w)
			sc.hits = append(sc.hits, wordHit{int32(qi), h.v, c})
			best[qi] = max(best[qi], c)
		}
	}
	// The names that hold a word of the query: all of them for its major words, only those
	// found otherwise (below) for its minor ones, whose pairs cannot make a score on their own.
	minor := ix.minorWords(qn, words, best, other, minScore, ta, qPatronymics)
	if allowShort || qn.cjk {
		minor = nil // the first bound, which minorWords relies on, is not used for all names
	}
	for _, h := range sc.hits {
		if minor == nil || !minor[h.qi] {
			for _, id := range ix.post[h.v] {
				pairWord(id, int(h.qi), h.contrib, ix.toks[h.v].w)
			}
		}
	}
	// Compounds (see compounds), counted in the bounds as word pairs (an upper bound: the name's
	// word is counted for both query words, and its two words at the most a word weighs): two
	// neighbouring words of the query written together against the index's words; a word of
	// the query against two neighbouring words of a name written together.
	for qi := 0; qi+1 < nq; qi++ {
		x1, x2 := qn.tokens[qi], qn.tokens[qi+1]
		if !compoundPart(x1) || !compoundPart(x2) {
			continue
		}
		joined := x1.text + x2.text
		for _, k := range ix.ttable.lookup(ix.hash(keyExact, joined, "")) {
			if t := ix.toks[k.id]; compoundPart(t) && t.text == joined {
				for _, id := range ix.post[k.id] {
					pairWord(id, qi, compoundSim*(x1.w+t.w), t.w)
					pairWord(id, qi+1, compoundSim*(x2.w+t.w), t.w)
				}
			}
		}
	}
	wordMax := kindWeight(&token{kind: kindWord})
	for qi, qt := range qn.tokens {
		if compoundPart(qt) {
			for _, k := range ix.ntable.lookup(ix.hash(keyCompound, qt.text, "")) {
				pairWord(k.id, qi, compoundSim*(qt.w+2*wordMax), 2*wordMax)
			}
		}
	}
	// The same for two neighbouring words in an abjad, by their skeleton written together
	// (abjadCompounds): of the query against the index's words; a word of the query in an
	// alphabet against two words of a name.
	for qi := 0; qi+1 < nq; qi++ {
		x1, x2 := qn.tokens[qi], qn.tokens[qi+1]
		k := abjadCompound(x1, x2)
		if k == "" {
			continue
		}
		for _, h := range ix.ttable.lookup(ix.hash(keySkeleton, k, "")) {
			if t := ix.toks[h.id]; t.kind == kindWord && alphabetic(t.script) && (t.skel == k || t.skelX == k) {
				for _, id := range ix.post[h.id] {
					pairWord(id, qi, 0.9*(x1.w+t.w), t.w)
					pairWord(id, qi+1, 0.9*(x2.w+t.w), t.w)
				}
			}
		}
	}
	for qi, qt := range qn.tokens {
		if qt.kind != kindWord || !alphabetic(qt.script) {
			continue
		}
		for i, k := range [2]string{qt.skel, qt.skelX} {
			if len(k) < minWholeSkeleton || i == 1 && k == qt.skel {
				continue
			}
			for _, h := range ix.ntable.lookup(ix.hash(keyAbjadCmp, k, "")) {
				pairWord(h.id, qi, 0.9*(qt.w+2*wordMax), 2*wordMax)
			}
		}
	}
	// A query in Hangul: its runs of syllables against the index's words in Latin and other
	// alphabets. A query in those met the runs of Hangul names above.
	qn.eachRun(func(text string) {
		rt := runWord(text)
		for _, v := range ix.keyed(sc, rt) {
			if t := ix.toks[v]; alphabetic(t.script) && tokenSim(rt, t) > 0 {
				for _, id := range ix.post[v] {
					if c := candidate(id); c >= 0 {
						sc.found[c] |= foundRuns
					}
				}
			}
		}
	})
	// Whole names: the same normalised name, the same or a nearly equal name without spaces.
	eachNameKey(qn, true, func(f byte, s string) {
		var how uint8
		switch {
		case f == keyHalfP || f == keyHalfS:
			how = foundTypo // not a key of the whole name: checked by whollyOneEdit
		case f == keyJoined || f == keyJoinedP || f == keyJoinedS:
			how = foundNamed | foundWhole
		case slices.Contains(nameSoundKeys[0][:], f) || slices.Contains(nameSoundKeys[1][:], f) || f == keyRender || f == keyCyrKorean || f == keyKoreanCyr:
			how = foundNamed | foundSound
		case f == keyReadHan || f == keyReadLat || f == keyWadeGile || f == keyHangulPy || f == keyPinyinHg || f == keyCyrillicPy || f == keyPinyinCyr:
			how = foundNamed | foundRead
		case f == keyWholeSk:
			how = foundNamed | foundSkel
		default:
			how = foundNamed
		}
		for _, k := range ix.ntable.lookup(ix.hash(f, s, "")) {
			if c := candidate(k.id); c >= 0 {
				sc.found[c] |= how
			}
		}
	})
	// A query in Wade–Giles meets the names in Han or pinyin written as one of its pinyin
	// spellings (wadeGilesAlign).
	eachWadeGilesKey(qn, func(s string) {
		for _, k := range ix.ntable.lookup(ix.hash(keyJoined, s, "")) {
			if c := candidate(k.id); c >= 0 {
				sc.found[c] |= foundNamed | foundRead
			}
		}
	})
	// soundFound records that name id was found by a key of its sound, or of a word's.
	soundFound := func(id int32) {
		if c := candidate(id); c >= 0 {
			sc.found[c] |= foundNamed | foundSound
		}
	}
	var qBaltic *name // the query without its Baltic endings (compare), if in such a form
	if qn.baltic {
		qBaltic = qn.withoutBalticEndings()
	}
	// A query's words in Latin letters (or another alphabet) meet the names in Burmese that
	// have a word that sounds like one of them (burmeseWordKeys; soundsAlign pairs them in any
	// order), when the index holds any; a query in Burmese meets the names in alphabets through
	// their words' sound keys (eachTokenKey).
	if ix.burmese > 0 {
		ts := slices.Clip(qn.tokens) // appended to below in an array of its own
		if qBaltic != nil {
			ts = append(ts, qBaltic.tokens...) // without its endings too (compare)
		}
		for _, t := range qn.tokens {
			if m := t.marked(); m != nil && t.kind == kindWord {
				ts = append(ts, m) // and in its marked reading (soundsAlign)
			}
		}
		for _, t := range ts {
			if t.kind != kindWord || !alphabetic(t.script) {
				continue
			}
			for i := -1; i < len(t.alts()); i++ {
				k := t.sounds[bySyllables]
				if i >= 0 {
					k = t.alts()[i]
				}
				if len(k) < minSound[bySyllables][0] {
					continue
				}
				for _, nk := range ix.ntable.lookup(ix.hash(keyBurmese, k, "")) {
					soundFound(nk.id)
				}
			}
		}
	}
	// A rendered query meets the names in a Baltic language's form by their words without
	// their endings (eachBalticKey), when the index holds any; a query in such a form meets
	// the rendered names whose words pair with its words so (compare).
	if ix.baltic > 0 && qn.rendered() {
		look := func(f byte, a, b string) {
			for _, nk := range ix.ntable.lookup(ix.hash(keyBaltic, balticKey(f, a, b), "")) {
				soundFound(nk.id)
			}
		}
		for _, t := range qn.tokens {
			if t.kind == kindWord {
				eachTokenKey(t, true, look)
			}
		}
		qn.eachRun(func(text string) { eachTokenKey(runWord(text), true, look) })
		for _, k := range burmeseWordKeys(qn) { // as a Burmese query's words meet Latin words below
			look(tokenSoundKeys[0][bySyllables], k, "")
		}
	}
	if qBaltic != nil {
		for _, st := range qBaltic.tokens {
			if st.kind != kindWord {
				continue
			}
			for _, v := range ix.keyed(sc, st) {
				if t := ix.toks[v]; !alphabetic(t.script) && tokenSim(st, t) > 0 {
					for _, id := range ix.post[v] {
						soundFound(id)
					}
				}
			}
		}
	}
	for _, k := range burmeseWordKeys(qn) {
		for _, v := range ix.ttable.lookup(ix.hash(tokenSoundKeys[0][bySyllables], k, "")) {
			for _, id := range ix.post[v.id] {
				soundFound(id)
			}
		}
	}
	// A query in an abjad meets the Latin names that may have its whole skeleton through their
	// words' skeletons (eachTokenKey): a word with all of it (Abdullah), or with its first or
	// its last part (Abdul Rahman). Names that share no such key (three words or more, or a
	// consonant doubled across two words) are not found.
	var qskel string
	if qn.abjad {
		qskel = wholeSkeleton(qn)
	}
	if len(qskel) >= minWholeSkeleton {
		meet := func(k string) {
			for _, v := range ix.ttable.lookup(ix.hash(keySkeleton, k, "")) {
				for _, id := range ix.post[v.id] {
					if c := candidate(id); c >= 0 {
						sc.found[c] |= foundNamed
					}
				}
			}
		}
		meet(qskel)
		for i := 2; i+2 <= len(qskel) && len(qn.tokens) == 1; i++ {
			meet(qskel[:i])
			meet(qskel[i:])
		}
	}

	// Bounds.
	type cand struct {
		id    int32
		bound float64
	}
	// Minor words: the names already found, those whose initials or particles might pair
	// with a major word, which the first bound allows for, and those that are a title and one
	// word (boundFor).
	if minor != nil {
		var major []int
		for _, qi := range words {
			if !minor[qi] {
				major = append(major, qi)
			}
		}
		for _, h := range sc.hits {
			if !minor[h.qi] {
				continue
			}
			w := ix.toks[h.v].w
			for _, id := range ix.post[h.v] {
				if sc.slot[id] == -1 {
					st := &ix.nstat[id]
					if !st.titled && !slices.ContainsFunc(major, func(qi int) bool { return vsOther(st, qi) > 0 }) {
						continue
					}
				}
				pairWord(id, int(h.qi), h.contrib, w)
			}
		}
	}
	var order []cand
	qNorm := maphash.String(ix.seed, qn.normalized)
	for c, id := range sc.cands {
		// A Hangul name and a Latin one that met may pair by runs of syllables
		// (syllableRuns), and one in another alphabet by the sound of its words
		// (soundsAlign), which the bounds below do not see. (The name itself is read only for
		// a Hangul query: reading every candidate's is a cache miss each.)
		found := sc.found[c]
		runs := found&(foundWord|foundRuns) != 0 && (qn.hangul && ix.names[id].alphabetic || qn.alphabetic && ix.nstat[id].hangul)
		// Names one edit apart written without spaces (whollyOneEdit): a check that reads
		// both names but allocates nothing.
		typo := found&foundTypo != 0 && whollyOneEdit(qn, ix.names[id])
		ident := identified != nil && identified[ix.owner[id]]
		if found&(foundWord|foundNamed) == 0 && !runs && !typo && !ident {
			continue // no pair of words: the score is 0
		}
		extra := ix.nstat[id].extra
		row := sc.cm[c*nq : (c+1)*nq]
		wrow := sc.wm[c*nq : (c+1)*nq]
		if minScore > 0 && !qn.cjk && found&foundNamed == 0 && !runs && !typo && !ident {
			// A first bound from the word pairs and the most the other pairs could add, before
			// the name itself is read.
			st := &ix.nstat[id]
			var u, r0, mb float64
			for qi, qt := range qn.tokens {
				switch {
				case row[qi] > 0:
					u += row[qi]
					mb += wrow[qi]
				case qt.kind == kindStop && !st.short && shortStop(qt):
					r0 += qn.weight(qi) // no token of the name is short enough to pair with it
				case qt.kind != kindWord:
					u += other[qi]
					mb++
				case shortAllow[qi] > 0:
					u += max(shortAllow[qi], vsOther(st, qi))
					mb++
				default:
					if v := vsOther(st, qi); v > 0 {
						u += v
						mb += 0.5
					} else {
						r0 += qn.weight(qi)
					}
				}
			}
			if boundFor(id, u, r0, mb, extra)+1e-9 < minScore {
				continue
			}
		}
		n := ix.names[id] // read below only where needed: a cache miss for each candidate
		st := &ix.nstat[id]
		// Pairs where one side is an initial, a particle or a legal form: cheap to compare.
		pairs := func(qi int, qt, t *token) {
			if sim := sc.memo.sim(qi, qt, t); sim > 0 {
				row[qi] = max(row[qi], sim*(qt.w+t.w))
				wrow[qi] = max(wrow[qi], t.w)
			}
		}
		nonWords := ix.others[ix.otherAt[id]:ix.otherAt[id+1]]
		for _, qi := range others {
			ts := n.tokens
			if qn.tokens[qi].kind == kindLegal {
				ts = nonWords // a legal form pairs with legal forms only
			}
			for _, t := range ts {
				pairs(qi, qn.tokens[qi], t)
			}
		}
		for _, t := range nonWords {
			for _, qi := range words {
				pairs(qi, qn.tokens[qi], t)
			}
		}
		for _, qi := range shortWords {
			if row[qi] == 0 {
				for _, t := range n.tokens {
					pairs(qi, qn.tokens[qi], t)
				}
			}
		}
		b := 0.0
		if found&foundWord != 0 {
			var u, r0, mb float64
			for qi := range qn.tokens {
				if row[qi] > 0 {
					u += row[qi]
					mb += wrow[qi]
				} else {
					r0 += qn.weight(qi)
				}
			}
			b = boundFor(id, u, r0, mb, extra)
		}
		if qn.cjk && st.cjk {
			// Compared character by character (at most 0.85), or, where a patronymic may be all
			// that differs, token by token (compare).
			if qn.patronymic != 0 || st.patronymics > 0 {
				b = max(b, 0.85)
			} else {
				b = 0.85
			}
		}
		if found&foundWhole != 0 {
			if qn.joined == n.joined || equalWithoutSpaces(qn.normalized, n.normalized) {
				b = max(b, 0.97)
			} else if la, lb := len(qn.joined), len(n.joined); 10*min(la, lb) >= 9*max(la, lb) {
				l := int(max(qn.jn, n.jn))
				d := max(1, abs(int(qn.jn-n.jn)))
				if r := 1 - float64(d)/float64(l); r >= 0.9 {
					b = max(b, 0.9*r)
				}
			}
		}
		if found&foundSound != 0 {
			b = max(b, 0.9)
		}
		if runs {
			b = 0.99
		}
		if found&foundRead != 0 {
			b = max(b, 0.95) // readingsAlign, wadeGilesAlign, pinyinWritingAlign
		}
		if typo {
			b = max(b, 0.93)
		}
		if ident {
			b = max(b, identifierScore)
		}
		if found&foundSkel != 0 || len(qskel) >= minWholeSkeleton && n.latin && min(len(qn.tokens), len(n.tokens)) == 1 && wholeSkeleton(n) == qskel {
			b = max(b, 0.9)
		}
		b = min(b, 0.99)
		if st.norm == qNorm && qn.normalized == n.normalized {
			b = 1
		}
		if b += 1e-9; b >= minScore && b > 1e-9 {
			order = append(order, cand{id, b})
		}
	}
	slices.SortFunc(order, func(a, b cand) int {
		switch {
		case a.bound > b.bound:
			return -1
		case a.bound < b.bound:
			return 1
		}
		return int(a.id - b.id)
	})

	// Full comparison, best bound first, until no bound can reach the kept entities.
	type found struct {
		pos            int32
		score, rounded float64
		name           int32 // id of the best name
		method         string
		country        string
		penalty        float64
		identifier     string // "match" when the entity holds one of the query's identifiers
	}
	res := map[int32]*found{}
	var top []*found // the best `limit` entities so far, by rounded score
	for _, c := range order {
		if len(top) == limit && round(c.bound) < top[limit-1].rounded {
			break
		}
		pos := ix.owner[c.id]
		f := res[pos]
		if f == nil {
			f = &found{pos: pos, name: -1, penalty: 1, country: "unknown"}
			if q.Country != "" {
				if cs := ix.entries[pos].countries; len(cs) > 0 {
					f.country, f.penalty = "mismatch", ix.cfg.CountryPenalty
					for _, cc := range cs {
						if strings.EqualFold(cc, q.Country) {
							f.country, f.penalty = "match", 1
						}
					}
				}
			}
			res[pos] = f
		}
		s, method := compare(qn, ix.names[c.id], ix.extra[ix.entries[pos].schema])
		if identified != nil && identified[pos] {
			f.identifier = "match"
			if s < identifierScore {
				s, method = identifierScore, method+"+identifier"
			}
		}
		s *= f.penalty
		if s < f.score || (s == f.score && (s == 0 || c.id > f.name)) {
			continue
		}
		f.score, f.rounded, f.name, f.method = s, round(s), c.id, method
		if below(f.score, minScore) {
			continue
		}
		i := slices.Index(top, f)
		if i < 0 {
			if len(top) == limit && f.rounded <= top[limit-1].rounded {
				continue
			}
			top = append(top, f)
			i = len(top) - 1
		}
		for ; i > 0 && top[i-1].rounded < top[i].rounded; i-- {
			top[i-1], top[i] = top[i], top[i-1]
		}
		if len(top) > limit {
			top = top[:limit]
		}
	}

	var out []*oversight.Match
	byMatch := map[*oversight.Match]*found{}
	for _, f := range res {
		if f.score == 0 || below(f.score, minScore) {
			continue
		}
		e := &ix.entries[f.pos]
		out = append(out, &oversight.Match{
			ID: e.id, Caption: e.caption, Schema: ix.schemata[e.schema], Score: f.rounded, Matched: ix.raw[f.name],
			Datasets: e.datasets, Sources: e.sources,
			Features: map[string]any{"method": f.method, "country": f.country},
		})
		byMatch[out[len(out)-1]] = f
	}
	slices.SortFunc(out, byScore)
	if len(out) > limit {
		out = out[:limit]
	}
	// What produced each match kept (explain), computed for those only.
	for _, m := range out {
		f := byMatch[m]
		features := explain(qn, ix.names[f.name], ix.extra[ix.entries[f.pos].schema], f.method)
		features["country"] = f.country
		if len(q.Identifiers) > 0 {
			features["identifier"] = "no_match"
			if f.identifier != "" {
				features["identifier"] = f.identifier
			}
		}
		if f.penalty != 1 {
			features["penalties"] = append(asStrings(features["penalties"]), fmt.Sprintf("country differs (×%g)", f.penalty))
		}
		m.Features = features
	}
	return out
}

func asStrings(v any) []string {
	s, _ := v.([]string)
	return s
}

// bound is the most align can score for a query of total weight ta and a name of total
// weight tb when the pairs' contributions (similarity × both weights) sum to at most u, the
// query tokens that pair with nothing weigh r0 or more, and the name tokens that pair weigh
// mb or less. See align: unpaired tokens on one side count at the share extra (extraShare)
// when the other side's unpaired tokens weigh under 0.25.
func bound(u, r0, mb, ta, tb, extra float64) float64 {
	b := u / (ta + tb)
	if r0 < 0.25 { // the name's extra tokens may count at the share extra
		b = max(b, u/((1-extra)*u+extra*tb))
	}
	if tb-min(tb, mb) < 0.25 { // the query's extra tokens may count at the share extra
		b = max(b, u/((1-extra)*u+extra*ta))
	}
	return b
}

// minorWords marks the query's words (by position) whose pairs, all of them together and with
// the most the query's other tokens can add, cannot bring a name to minScore while its other
// words find nothing in the name: the first bound (bound, at the least extra share of any
// schema and with the query's patronymics left out as boundFor may) stays under minScore for
// a name that holds only such words, so it need not be a candidate unless found otherwise.
// best is the most each word adds (similarity × both weights), ta the query's total weight.
// It returns nil when no word is minor.
func (ix *Index) minorWords(qn *name, words []int, best, other []float64, minScore, ta, qPatronymics float64) []bool {
	if minScore <= 0 || len(words) < 2 {
		return nil
	}
	ta -= qPatronymics
	if ta <= 0 {
		return nil
	}
	e := 1.0
	for _, x := range ix.extra {
		e = min(e, x)
	}
	var u, r0 float64
	for i, t := range qn.tokens {
		if t.kind != kindWord {
			u += other[i]
		}
	}
	for _, qi := range words {
		r0 += qn.weight(qi)
	}
	order := slices.Clone(words)
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(best[a], best[b]) })
	var minor []bool
	for _, qi := range order[:len(order)-1] {
		u += best[qi]
		r0 -= qn.weight(qi)
		if r0-qPatronymics < 0.25 || max(u/ta, u/((1-e)*u+e*ta))+1e-9 >= minScore {
			break
		}
		if minor == nil {
			minor = make([]bool, len(qn.tokens))
		}
		minor[qi] = true
	}
	return minor
}

// otherBound is the most a token of the query that is not a word (an initial, a particle, a
// legal form) can add to a name's score through a pair with any of its tokens (similarity ×
// both weights), for the first bound. A particle of up to three letters pairs with itself or,
// one edit away, with a short word (shortTypoSim: al and alt); a legal form with legal forms
// only.
func otherBound(t *token) float64 {
	switch t.kind {
	case kindInitial:
		return 0.9 * (t.w + 1)
	case kindStop:
		if len(t.xr) > 3 {
			return t.w + 1
		}
		return max(2*t.w, shortTypoSim*(t.w+1))
	case kindLegal:
		return 2 * t.w
	}
	return 0
}
