package match

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/bundle"
	"github.com/oversight-project/oversight/internal/typo"
	"github.com/oversight-project/oversight/lists"
	"github.com/oversight-project/oversight/lists/ofac"
)

// TestIndex_CandidatesLoseNothing: for typo'd and reordered forms of every party name in the
// seed registry, the candidate index returns every entity a full scan scores at or above the
// review threshold.
func TestIndex_CandidatesLoseNothing(t *testing.T) {
	ix := NewIndex(DefaultConfig())
	for _, line := range bytes.Split(bundle.Seed, []byte("\n")) {
		var e oversight.Entity
		if json.Unmarshal(line, &e) != nil {
			continue
		}
		if slices.Contains([]string{"Company", "Organization", "PublicBody", "Person"}, e.Schema) {
			ix.Add(&e)
			// The same names as a person's, whose extra words count less (extraShare).
			p := e
			p.ID, p.Schema = e.ID+"-person", "Person"
			ix.Add(&p)
		}
	}
	ix.Freeze()
	checked := 0
	for _, en := range ix.entries {
		for _, raw := range ix.raw[en.first : en.first+en.n] {
			rs := []rune(raw)
			variants := []string{raw, strings.ToUpper(raw)}
			if len(rs) > 6 { // drop a letter in the middle, swap two neighbours
				variants = append(variants, string(rs[:len(rs)/2])+string(rs[len(rs)/2+1:]))
				sw := slices.Clone(rs)
				sw[2], sw[3] = sw[3], sw[2]
				variants = append(variants, string(sw))
			}
			if f := strings.Fields(raw); len(f) > 1 {
				variants = append(variants, strings.Join(append(f[1:], f[0]), " "))
				if len(f) > 2 { // a middle name left out: extraShare
					variants = append(variants, f[0]+" "+f[len(f)-1])
				}
			}
			for _, v := range variants {
				checkCandidates(t, ix, v, ix.cfg.ReviewThreshold)
				checked++
			}
		}
	}
	t.Logf("%d queries checked", checked)
}

// checkCandidates fails t unless the index finds for query v the entities a full scan scores
// at or above min.
func checkCandidates(t *testing.T, ix *Index, v string, min float64) {
	t.Helper()
	// The query's readings, as Match reads it: each name it lists (alternatives), and one
	// with a title also as an organisation's name.
	var qs []*name
	for _, a := range ix.k.withAlternatives(v) {
		qs = append(qs, ix.k.analyze(a))
		if qs[len(qs)-1].titled {
			qs = append(qs, ix.k.analyzeOrg(a))
		}
	}
	for _, q := range qs {
		for _, t := range q.tokens {
			t.w = ix.weight(t)
		}
	}
	var want []string
	keyless := map[string]bool{} // entities whose every name at min pairs a word sharing no key
	for _, en := range ix.entries {
		all := true
		for id := en.first; id < en.first+en.n; id++ {
			for _, q := range qs {
				if s, _ := compare(q, ix.names[id], ix.extra[ix.entries[ix.owner[id]].schema]); !below(s, min) {
					if len(want) == 0 || want[len(want)-1] != en.id {
						want = append(want, en.id)
					}
					all = all && pairsWithoutKey(q, ix.names[id])
				}
			}
		}
		if all {
			keyless[en.id] = true
		}
	}
	var got []string
	for _, m := range ix.Match(oversight.NameQuery{Name: v, Limit: 1000}, min) {
		got = append(got, m.ID)
	}
	slices.Sort(want)
	slices.Sort(got)
	if slices.Equal(got, want) {
		return
	}
	// The index does not promise to find pairs of words that share no retrieval key (two
	// edits apart inside a word: shanghi and changji), and says so (eachTokenKey).
	var lost []string
	for _, id := range want {
		if !slices.Contains(got, id) && !keyless[id] {
			lost = append(lost, id)
		}
	}
	if len(lost) > 0 || len(got) > len(want) {
		t.Errorf("%q: index found %v, full scan %v", v, got, want)
	}
}

// pairsWithoutKey reports whether some word of q and some word of n are similar
// (tokenSim > 0) but share no retrieval key.
func pairsWithoutKey(q, n *name) bool {
	keys := func(t *token, query, marked bool) map[string]bool {
		m := map[string]bool{}
		eachTokenKey(t, query, func(f byte, a, b string) { m[string(f)+a+"\x00"+b] = true })
		if mk := t.marked(); mk != nil && marked {
			eachTokenKey(mk, query, func(f byte, a, b string) { m[string(f)+a+"\x00"+b] = true })
		}
		return m
	}
	for _, qt := range q.tokens {
		if qt.kind != kindWord {
			continue
		}
		for _, t := range n.tokens {
			if t.kind != kindWord || tokenSim(qt, t) == 0 {
				continue
			}
			// As Index.keyed looks them up: a word's marked reading finds words in other
			// scripts only (SZAnghA0, Polish sz read sh, does not find the Latin Shanghai so).
			qk := keys(qt, true, t.script != "latin")
			shared := false
			for k := range keys(t, false, false) {
				if qk[k] {
					shared = true
					break
				}
			}
			if !shared {
				return true
			}
		}
	}
	return false
}

// TestIndex_CrossScriptLosesNothing: Latin names queried in the scripts that render them by
// sound, and the other way round, find what a full scan finds at the default threshold (the
// Wikidata transliteration test slices in ../shared, 300 rows of each). Below it, pairs of
// spellings two edits apart inside a word (dansen, sansan) are not retrieved.
func TestIndex_CrossScriptLosesNothing(t *testing.T) {
	files, _ := filepath.Glob("../../shared/data/eval/netranslit_wikidata/wd_*_20.tsv")
	if len(files) == 0 {
		t.Skip("no ../shared/data/eval/netranslit_wikidata")
	}
	var latin, other []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.SplitN(string(data), "\n", 301)[:300] {
			cols := strings.Split(line, "\t")
			if len(cols) < 2 {
				t.Fatalf("%s:%d: %q", f, i+1, line)
			}
			latin, other = append(latin, cols[0]), append(other, strings.ReplaceAll(cols[1], " ", ""))
		}
	}
	for _, dir := range [][2][]string{{latin, other}, {other, latin}} {
		ix := NewIndex(DefaultConfig())
		for i, n := range dir[0] {
			ix.Add(&oversight.Entity{ID: strconv.Itoa(i), Schema: "Person", Properties: map[string][]string{"name": {n}}})
		}
		ix.Freeze()
		for _, q := range dir[1] {
			checkCandidates(t, ix, q, ix.cfg.Threshold)
		}
	}
}

// TestIndex_SyllableRuns: Latin names that join Hangul syllables find the Hangul name in an
// index, and the other way round, among names that share syllables.
func TestIndex_SyllableRuns(t *testing.T) {
	hangul := []string{"김정은", "김정일", "김 정남", "오바마", "오세훈", "박정은"}
	latin := []string{"Kim Jongun", "Kimjongil", "Jongnam Kim", "Obama", "O Sehun", "Park Jongun"}
	findsEachOther(t, hangul, latin)
}

// findsEachOther checks that each name of a, indexed as a person, is found first by the name
// of b at its position, and the other way round, and that the index loses nothing a full scan
// finds.
func findsEachOther(t *testing.T, a, b []string) {
	t.Helper()
	for _, dir := range [][2][]string{{a, b}, {b, a}} {
		ix := NewIndex(DefaultConfig())
		for i, n := range dir[0] {
			ix.Add(&oversight.Entity{ID: strconv.Itoa(i), Schema: "Person", Properties: map[string][]string{"name": {n}}})
		}
		for i, q := range dir[1] {
			ms := ix.Match(oversight.NameQuery{Name: q}, ix.cfg.Threshold)
			if len(ms) == 0 || ms[0].ID != strconv.Itoa(i) {
				var got []string
				for _, m := range ms {
					got = append(got, m.ID)
				}
				t.Errorf("%q: found %v, want %d (%s) first", q, got, i, dir[0][i])
			}
			checkCandidates(t, ix, q, ix.cfg.ReviewThreshold)
		}
	}
}

// TestIndex_AddAll: an index built with AddAll (names analysed on all cores) matches as one
// built with Add, entity by entity.
func TestIndex_AddAll(t *testing.T) {
	var es []*oversight.Entity
	for _, line := range bytes.Split(bundle.Seed, []byte("\n")) {
		var e oversight.Entity
		if json.Unmarshal(line, &e) == nil && e.Schema != "Sanction" {
			es = append(es, &e)
		}
	}
	one, all := NewIndex(DefaultConfig()), NewIndex(DefaultConfig())
	for _, e := range es {
		one.Add(e)
	}
	all.AddAll(es)
	if one.Len() != all.Len() {
		t.Fatalf("Len %d and %d", one.Len(), all.Len())
	}
	for _, q := range []string{"Hikvision", "上海市公安局", "Shanghai PSB", "법무부", "Noldus", "SenseTime", "Megvii Technology"} {
		a, b := one.Match(oversight.NameQuery{Name: q}, 0.5), all.Match(oversight.NameQuery{Name: q}, 0.5)
		if len(a) == 0 {
			t.Errorf("%q: nothing found", q)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%q: Add found %v, AddAll %v", q, a, b)
		}
	}
}

// TestIndex_Readings: Han names found by Latin names in their Korean and Japanese readings,
// and by Hangul and Kana names in them, and the other way round.
func TestIndex_Readings(t *testing.T) {
	han := []string{"金正恩", "金正日", "山田太郎", "田中花子", "習近平", "富士通株式会社"}
	latin := []string{"Kim Jong Un", "Jong Il Kim", "Taro Yamada", "Tanaka Hanako", "Xi Jinping", "Fujitsu Limited"}
	findsEachOther(t, han, latin)
	findsEachOther(t, []string{"金正恩", "山田太郎"}, []string{"김정은", "やまだ たろう"})
}

// TestIndex_Renderings: renderings of one foreign name in Han, Hangul and Kana find each
// other (renderingsMeet).
func TestIndex_Renderings(t *testing.T) {
	findsEachOther(t, []string{"克劳斯", "习近平", "弗拉基米尔·普京"}, []string{"クラウス", "시진핑", "블라디미르 푸틴"})
}

// TestIndex_HanH: Latin names with a first hi and their renderings in Han, which write it xi
// or xin (hanH), find each other.
func TestIndex_HanH(t *testing.T) {
	findsEachOther(t, []string{"希拉里·克林顿", "希尔顿", "欣克利"}, []string{"Hillary Clinton", "Hilton", "Hinckley"})
}

// TestIndex_OneSyllable: Latin words of one syllable and two consonants and their
// renderings in two syllables find each other (soundSays).
func TestIndex_OneSyllable(t *testing.T) {
	findsEachOther(t, []string{"洛克", "卡姆", "比兹"}, []string{"Rock", "Karm", "Biz"})
	findsEachOther(t, []string{"ロック"}, []string{"Rock"})
}

// TestIndex_RussianForms: Latin names and their Russian forms, without -us or with h written
// г, find each other (russianForms).
func TestIndex_RussianForms(t *testing.T) {
	findsEachOther(t, []string{"Камилл", "Волумний", "Гирций", "Генрих Гиммлер"}, []string{"Camillus", "Volumnius", "Hirtius", "Heinrich Himmler"})
}

// TestIndex_EnglishLetters: English and French names with silent letters, and Spanish ones
// with a j, and their renderings find each other (englishLetters, frenchLetters, spanishJ).
func TestIndex_EnglishLetters(t *testing.T) {
	findsEachOther(t, []string{"ナイト", "רייט", "Нокс"}, []string{"Knight", "Wright", "Knox"})
	findsEachOther(t, []string{"Рено", "ברבו", "Валье"}, []string{"Renault", "Barbot", "Vallier"}) // frenchLetters
	findsEachOther(t, []string{"بيرميخو", "Корнехо"}, []string{"Bermejo", "Cornejo"})              // spanishJ
}

// TestIndex_LatinReadings: names and their renderings as other languages than the keys' say
// them (latinReadings: English's soft g, German's j and w) find each other.
func TestIndex_LatinReadings(t *testing.T) {
	findsEachOther(t, []string{"ジョージ", "アンジェラ", "ロジャー", "ヤドランカ", "ウラノフスキ"}, []string{"George", "Angela", "Roger", "Jadranka", "Ulanowsky"})
	findsEachOther(t, []string{"조지", "야드란카"}, []string{"George", "Jadranka"})
}

// TestIndex_Burmese: names in Burmese letters and in Latin find each other (burmeseLatin).
func TestIndex_Burmese(t *testing.T) {
	findsEachOther(t, []string{"မင်းအောင်လှိုင်", "အောင်ဆန်းစုကြည်", "ဗလာဒီမီယာ ပူတင်", "သိန်းစိန်", "စိုးဝင်း"},
		[]string{"Min Aung Hlaing", "Aung San Suu Kyi", "Vladimir Putin", "Thein Sein", "Soe Win"})
	// and renderings in Han, Hangul, Kana and abjads (burmeseRenderingKeys)
	for _, r := range []string{"ウラジーミル・プーチン", "弗拉基米尔·普京", "블라디미르 푸틴", "فلاديمير بوتين"} {
		findsEachOther(t, []string{"ဗလာဒီမီယာ ပူတင်"}, []string{r})
	}
}

// TestIndex_WadeGiles: Chinese names in Wade–Giles and in Han or pinyin find each other.
func TestIndex_WadeGiles(t *testing.T) {
	findsEachOther(t, []string{"毛泽东", "Xi Jinping", "蒋经国", "Deng Xiaoping"},
		[]string{"Mao Tse-tung", "Hsi Chin-ping", "Chiang Ching-kuo", "Teng Hsiao-ping"})
}

// TestIndex_Compounds: two words of one name written as one in the other, in another order
// of the other words, find each other.
func TestIndex_Compounds(t *testing.T) {
	findsEachOther(t, []string{"Abdulrahman Khalil", "HAJI ASAD KHAN ZARKARI MOHAMMADHASNI", "Nikolai Platonovich Patrushev"},
		[]string{"KHALIL, Abdul Rahman", "MOHAMMAD HASNI HAJI ASAD KHAN ZARKARI", "Patr ushev, Nikolai"})
}

// TestIndex_WholeSkeleton: names in Arabic letters and Latin names whose words are cut
// otherwise find each other by their skeletons.
func TestIndex_WholeSkeleton(t *testing.T) {
	findsEachOther(t, []string{"عبد الله", "عبدالرحمن", "عبد العزيز"}, []string{"Abdullah", "Abdul Rahman", "Abdulaziz"})
}

// TestIndex_Cantonese: Han names and their Cantonese spellings find each other, with a
// Western given name too.
func TestIndex_Cantonese(t *testing.T) {
	findsEachOther(t, []string{"陳大文", "李嘉誠", "梁振英"}, []string{"Chan Tai Man", "Li Ka-shing", "Leung Chun Ying"})
	findsEachOther(t, []string{"何鴻燊", "李家超"}, []string{"Stanley Ho Hung Sun", "John Lee Ka Chiu"})
}

// TestIndex_GreekStems: Greek names and their Latin forms without the Greek ending find each
// other.
func TestIndex_GreekStems(t *testing.T) {
	findsEachOther(t, []string{"Αλέξανδρος", "Πέτρος", "Γεώργιος"}, []string{"Alexander", "Peter", "George"})
}

// TestReadingWord: every reading of every character in the table, and every Korean surname
// spelling, is a word readingWord accepts, so the index files a reading key for every Latin
// name readingsAlign may pair with a Han name.
func TestReadingWord(t *testing.T) {
	check := func(w string, lang int) {
		tok := wordToken(w, "latin")
		if lang == readJapanese {
			tok.text = w // folded already
		}
		if !readingWord(tok, lang) {
			t.Errorf("readingWord(%q, %d) = false", w, lang)
		}
	}
	eachHanReading(func(rd *hanReading) {
		for _, r := range rd.read[readKorean] {
			check(r, readKorean)
		}
		for _, r := range rd.ko {
			check(r+"gim", readKorean) // a surname begins a word
		}
		for _, r := range slices.Concat(rd.read[readJapanese], rd.voiced, rd.nanori, rd.nanoriVoiced) {
			check(r, readJapanese)
		}
		for _, r := range rd.read[readCantonese] {
			check(r, readCantonese)
		}
	})
}

// TestCantoneseSpellings: Jyutping syllables written as names write them.
func TestCantoneseSpellings(t *testing.T) {
	for jp, want := range map[string][]string{
		"can":   {"chan", "tsan", "chun", "tsun"},             // 陳 Chan
		"zoeng": {"cheung", "tseung"},                         // 張 Cheung
		"lei":   {"lei", "lee", "li"},                         // 李 Lee, Li
		"gaa":   {"ka"},                                       // 嘉 Ka
		"jyun":  {"yun", "yuen"},                              // 袁 Yuen
		"zi":    {"chi", "chee", "tsi", "tsee", "tsz", "tze"}, // 子 Tsz
		"ng":    {"ng"},                                       // 吳 Ng
		"wong":  {"wong"},                                     // 黃 Wong
	} {
		got := cantoneseSpellings(jp)
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("cantoneseSpellings(%q) = %v, want %q among them", jp, got, w)
			}
		}
	}
}

// TestKeyTable: lookup finds exactly the keys filed under a hash, for tables of any size and
// hashes that share their top bits.
func TestKeyTable(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 100, 5000} {
		var keys []hkey
		want := map[uint32][]int32{}
		for i := range n {
			h := uint32(i*2654435761) << 10 // many share their top bits
			if i%7 == 0 {
				h = 0xFFFFFFFF // the last bucket, several keys
			}
			keys = append(keys, hkey{h, int32(i)})
			want[h] = append(want[h], int32(i))
		}
		sortKeys(keys)
		if !slices.IsSortedFunc(keys, byHash) {
			t.Fatalf("n=%d: sortKeys left keys unsorted", n)
		}
		tab := newKeyTable(keys)
		for h, ids := range want {
			var got []int32
			for _, k := range tab.lookup(h) {
				got = append(got, k.id)
			}
			slices.Sort(got)
			slices.Sort(ids)
			if !slices.Equal(got, ids) {
				t.Fatalf("n=%d: lookup(%x)=%v, want %v", n, h, got, ids)
			}
		}
		if got := tab.lookup(12345); len(got) != 0 && want[12345] == nil {
			t.Fatalf("n=%d: lookup of an absent hash found %v", n, got)
		}
	}
}

// TestIndex_ShortTypoSecondLook: a query whose only match rests on a short word one edit from
// the name's (shortTypoSim), a pair that shares no key, is found by Match's second look.
func TestIndex_ShortTypoSecondLook(t *testing.T) {
	ix := NewIndex(DefaultConfig())
	for i, n := range []string{"KIM, Nam Ung", "KIM, Song", "CHOE, Pu Il", "RI, Thae Chol"} {
		ix.Add(&oversight.Entity{ID: strconv.Itoa(i), Schema: "Person", Properties: map[string][]string{"name": {n}}})
	}
	for q, want := range map[string]string{"KIM, am Ung": "0", "CHOE, Pu lI": "2", "cI, Thae Chol": "3"} {
		ms := ix.Match(oversight.NameQuery{Name: q}, ix.cfg.Threshold)
		if len(ms) == 0 || ms[0].ID != want {
			t.Errorf("%q: found %v, want %s first", q, ms, want)
		}
		checkCandidates(t, ix, q, ix.cfg.Threshold)
	}
}

// TestSortKeys: sortKeys orders keys as byHash does, whatever their order before.
func TestSortKeys(t *testing.T) {
	for _, n := range []int{0, 1, 255, 256, 1000, 70000} {
		keys := make([]hkey, n)
		x := uint64(n) + 1
		for i := range keys {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			keys[i] = hkey{uint32(x%(uint64(n)/3+1)) << 8 * 2654435761, int32((x >> 20) % 100000)}
		}
		want := slices.Clone(keys)
		slices.SortFunc(want, byHash)
		sortKeys(keys)
		if !slices.Equal(keys, want) {
			t.Fatalf("n=%d: sortKeys differs from sorting by byHash", n)
		}
	}
}

// TestIndex_ArabicTsh: words in Arabic letters that write ch as تش and their Latin forms find
// each other (abjadSim; the index files the skeleton read ch).
func TestIndex_ArabicTsh(t *testing.T) {
	findsEachOther(t, []string{"تشافيز", "غورباتشوف"}, []string{"Chavez", "Gorbachev"})
}

// TestIndex_OneConsonant: a Latin word of one consonant and the Arabic or Hebrew word that
// writes its every vowel find each other (frameShape).
func TestIndex_OneConsonant(t *testing.T) {
	findsEachOther(t, []string{"أيوب", "داود", "עיסא"}, []string{"Ayub", "Daoud", "Isa"})
}

// TestIndex_Serbian: names in Serbian Cyrillic and in its Latin find each other
// (serbianLatin).
func TestIndex_Serbian(t *testing.T) {
	findsEachOther(t, []string{"Слободан Милошевић", "Жељко Ражнатовић", "Новак Ђоковић"}, []string{"MILOSEVIC, Slobodan", "Željko Ražnatović", "Djokovic Novak"})
}

// TestIndex_Marked: Latin names written with marked letters and their renderings in other
// scripts find each other (token.marked).
func TestIndex_Marked(t *testing.T) {
	findsEachOther(t, []string{"Şahin", "Čačić", "ميلوشيفيتش"}, []string{"Шахин", "Чачич", "Milošević"})
}

// TestIndex_JAsY: a Latin word's j meets the y of an Arabic or Hebrew word in the index too
// (jAsY).
func TestIndex_JAsY(t *testing.T) {
	findsEachOther(t, []string{"يوفانوفيتش", "יוסף"}, []string{"Jovanović", "Josef"})
}

// TestIndex_ArabicArticle: a Latin al left over against an Arabic word that writes the article
// in it counts nothing in the index too (AL QAEDA ~ القاعدة).
func TestIndex_ArabicArticle(t *testing.T) {
	findsEachOther(t, []string{"القاعدة", "الأسد", "الشباب"}, []string{"AL QAEDA", "Al-Assad", "Al-Shabaab"})
}

// TestIndex_AbjadCompound: two words in an abjad written together meet a Latin word in the
// index too, either way round (abjadCompounds).
func TestIndex_AbjadCompound(t *testing.T) {
	findsEachOther(t, []string{"حسن نصر الله", "عبد الرحمن خليل"}, []string{"NASRALLAH, Hassan", "KHALIL, Abdulrahman"})
}

// TestIndex_SlavicC: a Latin word's c meets a Cyrillic ц in the index too (slavicC). These
// pairs share other keys as well, and pass without slavicC's own key; what that key adds was
// measured on the Russian slice (docs/benchmarks.md).
func TestIndex_SlavicC(t *testing.T) {
	findsEachOther(t, []string{"Лоренц", "Курелац", "Цветкович", "Цибулка"}, []string{"Lorenc", "Kurelac", "Cvetkovic", "Cibulka"})
}

// TestIndex_BalticForm: names in a Baltic language's form and renderings of the names
// without their endings find each other (eachBalticKey, and the query's words without them).
func TestIndex_BalticForm(t *testing.T) {
	findsEachOther(t, []string{"Vladimiras Putinas", "Sergejs Lavrovs", "Ivanas Petrovas"}, []string{"ウラジーミル・プーチン", "سيرغي لافروف", "伊万·彼得罗夫"})
	findsEachOther(t, []string{"Vladimirs Putins", "Sergejus Lavrovas"}, []string{"블라디미르 푸틴", "סרגיי לברוב"})
	findsEachOther(t, []string{"Vladimiras Putinas"}, []string{"ဗလာဒီမီယာ ပူတင်"})
}

// TestIndex_GivenReading: a given name in its Ukrainian form and renderings of its Russian
// form find each other (givenReading's sound keys).
func TestIndex_GivenReading(t *testing.T) {
	findsEachOther(t, []string{"Volodymyr Putin", "Hryhoriy"}, []string{"ウラジーミル・プーチン", "グリゴリー"})
	findsEachOther(t, []string{"Путін Володимир Володимирович"}, []string{"ဗလာဒီမီယာ ပူတင်"})
	// and initials in the Russian form's letters (initialGiven, initialsOf)
	findsEachOther(t, []string{"Oleksandr Petrenko", "Wladimir Wladimirowitsch Putin"}, []string{"A. Petrenko", "Vladimir V. Putin"})
	// initials against Hangul and Burmese words (soundsAlign)
	findsEachOther(t, []string{"블라디미르 푸틴"}, []string{"В. В. Путин"})
	findsEachOther(t, []string{"ဗလာဒီမီယာ ပူတင်"}, []string{"V. Putin"})
}

// TestIndex_ByEarAtThreshold: a pair of words by ear scores 0.9, the threshold, whatever the
// weights the index gives the words; the arithmetic of some weights made it
// 0.8999999999999999, and the index left out what oversight match --pairs calls a match.
func TestIndex_ByEarAtThreshold(t *testing.T) {
	if got := Score("lucia", "лючия"); got != 0.9 {
		t.Fatalf("Score(lucia, лючия)=%v, want 0.9", got)
	}
	for n := range 60 { // n other names, each weight another
		ix := NewIndex(DefaultConfig())
		ix.Add(&oversight.Entity{ID: "s", Schema: "Person", Properties: map[string][]string{"name": {"лючия"}}})
		for i := range n {
			ix.Add(&oversight.Entity{ID: strconv.Itoa(i), Schema: "Person", Properties: map[string][]string{"name": {"Иван Петров " + strconv.Itoa(i)}}})
		}
		ms := ix.Match(oversight.NameQuery{Name: "lucia"}, ix.cfg.Threshold)
		if len(ms) == 0 || ms[0].ID != "s" || ms[0].Score != 0.9 {
			t.Errorf("with %d other names: lucia found %v, want лючия at 0.9", n, ms)
		}
	}
}

// TestIndex_ClusterLosesNothing: in an index of one name written in many scripts and
// languages (../shared's cross-script cluster), each of them finds by the index every name a
// full comparison finds, whatever the two scripts (Cyrillic and Hangul as well as Latin and
// Hangul).
func TestIndex_ClusterLosesNothing(t *testing.T) {
	data, err := os.ReadFile("../../shared/data/eval/nk_putin_names_crossscript.txt")
	if err != nil {
		t.Skip("no ../shared/data/eval/nk_putin_names_crossscript.txt")
	}
	ix := NewIndex(DefaultConfig())
	var names []string
	for i, n := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		names = append(names, n)
		ix.Add(&oversight.Entity{ID: strconv.Itoa(i), Schema: "Person", Properties: map[string][]string{"name": {n}}})
	}
	ix.Freeze()
	for _, q := range names {
		checkCandidates(t, ix, q, ix.cfg.Threshold)
	}
}

// TestIndex_NoLimit: an index configured with no positive limit returns the default number
// of matches, not a panic.
func TestIndex_NoLimit(t *testing.T) {
	for _, limit := range []int{0, -1} {
		cfg := DefaultConfig()
		cfg.Limit = limit
		ix := NewIndex(cfg)
		for i := range 10 {
			ix.Add(&oversight.Entity{ID: strconv.Itoa(i), Schema: "Company", Properties: map[string][]string{"name": {"Acme Trading"}}})
		}
		if got := len(ix.Match(oversight.NameQuery{Name: "Acme Trading"}, 0.9)); got != DefaultConfig().Limit {
			t.Errorf("limit %d: %d matches, want %d", limit, got, DefaultConfig().Limit)
		}
	}
}

// TestIndex_SDNParticlesLoseNothing: the first bounds tell, without reading a name, which of
// its initials and particles a query word may pair with, which query particles it has tokens
// for, and which query words are too common to make a score alone (minorWords). One-edit
// typos of real SDN names with particles (al, bin, abu, de) and initials, the names where
// those bounds decide most, find what a full scan finds at the default threshold.
func TestIndex_SDNParticlesLoseNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("a full scan of the SDN list for each query")
	}
	ix := sdnIndex(t)
	rng := rand.New(rand.NewPCG(7, 0))
	var queries []string
	for _, en := range ix.entries {
		n := ix.names[en.first]
		if !slices.ContainsFunc(n.tokens, func(t *token) bool { return t.kind == kindStop || t.kind == kindInitial }) {
			continue
		}
		if rng.IntN(8) == 0 {
			if q, ok := typo.OneEdit(rng, ix.raw[en.first]); ok {
				queries = append(queries, q)
			}
		}
	}
	if len(queries) > 200 {
		queries = queries[:200]
	}
	// A short word one edit from a name's particle (alt, al: shortTypoSim), and particles
	// one edit from a name's short words.
	queries = append(queries, "ALT-IKRITI, Barzan Ibrahim Hassan", "AL-TIKRITI, Barzan Ibrahim Hassan", "al tikriti barzan ibrahim", "abu bakr al baghdadi", "bin lade usama")
	for _, q := range queries {
		checkCandidates(t, ix, q, ix.cfg.Threshold)
	}
	t.Logf("%d queries checked", len(queries))
}

// TestBoundsReadingNoName checks, over every word, particle and initial of the SDN list, what
// the first bounds assume without reading a name: a word pairs with an initial only of its
// first letter or that of its spelling of its sound (initialsOf), and with no shortStop when
// it outgrowsStops, either way round.
func TestBoundsReadingNoName(t *testing.T) {
	ix := sdnIndex(t)
	var words, stops, initials []*token
	for _, tk := range ix.toks {
		switch tk.kind {
		case kindWord:
			words = append(words, tk)
		case kindStop:
			stops = append(stops, tk)
		case kindInitial:
			initials = append(initials, tk)
		}
	}
	checked := 0
	for _, w := range words {
		for _, s := range stops {
			if shortStop(s) && outgrowsStops(w) {
				if a, b := tokenSim(w, s), tokenSim(s, w); a > 0 || b > 0 {
					t.Errorf("%q and particle %q: similarity %.3f, %.3f", w.text, s.text, a, b)
				}
				checked++
			}
		}
		for _, in := range initials {
			if initialsOf(w)&initialBit(in) == 0 && (tokenSim(w, in) > 0 || tokenSim(in, w) > 0) {
				t.Errorf("%q pairs with initial %q", w.text, in.text)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no word outgrows a particle")
	}
	// What a query's initial, particle or legal form adds with any token: at most otherBound.
	for _, q := range ix.toks {
		if q.kind == kindWord {
			continue
		}
		for _, y := range ix.toks {
			if c := tokenSim(q, y) * (q.w + y.w); c > otherBound(q)+1e-9 {
				t.Errorf("%q (kind %d) with %q adds %.3f, over its bound %.3f", q.text, q.kind, y.text, c, otherBound(q))
			}
		}
	}
	t.Logf("%d words, %d particles, %d initials; %d pairs that cannot pair", len(words), len(stops), len(initials), checked)
}

// sdnIndex indexes the real OFAC SDN list from ../shared, or skips.
func sdnIndex(t *testing.T) *Index {
	t.Helper()
	paths, err := lists.FindFiles("../../shared/data/watchlists", ofac.SDN)
	if err != nil || len(paths) == 0 {
		t.Skip("no ../../shared/data/watchlists/sdn.csv")
	}
	ents, _, err := lists.Read(ofac.SDN, lists.PathOpener(paths))
	if err != nil {
		t.Fatal(err)
	}
	ix := NewIndex(DefaultConfig())
	ix.AddAll(ents)
	ix.Freeze()
	return ix
}

// TestPairsCache: the cache keeps two generations of words; a word found in the older moves
// to the newer; a word of a dropped generation is asked again.
func TestPairsCache(t *testing.T) {
	var c pairsCache
	key := func(i int) tokenKey { return tokenKey{text: strconv.Itoa(i), script: "latin", kind: kindWord} }
	for i := range pairsGeneration {
		c.put(key(i), []vocabPair{{int32(i), 1}})
	}
	if ps, gen := c.get(key(7)); gen != 1 || ps[0].v != 7 {
		t.Fatalf("key 7: %v in generation %d, want generation 1", ps, gen)
	}
	c.put(key(pairsGeneration), nil) // a new generation
	if _, gen := c.get(key(7)); gen != 2 {
		t.Fatalf("key 7: generation %d, want 2", gen)
	}
	if _, gen := c.get(key(pairsGeneration)); gen != 1 {
		t.Fatalf("the newest key: generation %d, want 1", gen)
	}
	for i := range pairsGeneration {
		c.put(key(pairsGeneration+1+i), nil) // fills the newer and starts a third
	}
	if _, gen := c.get(key(7)); gen != 0 {
		t.Fatalf("key 7: generation %d after two more, want 0 (dropped)", gen)
	}
	c.clear()
	if _, gen := c.get(key(2 * pairsGeneration)); gen != 0 {
		t.Fatal("cleared, the cache still holds a word")
	}
}

// TestIndex_ConcurrentMatch: queries matched on several goroutines at once, each word's
// pairs asked for by several, find what they find one at a time in an index of their own;
// and an entity added after queries is found by the words asked before.
func TestIndex_ConcurrentMatch(t *testing.T) {
	build := func() *Index {
		ix := NewIndex(DefaultConfig())
		for _, line := range bytes.Split(bundle.Seed, []byte("\n")) {
			var e oversight.Entity
			if json.Unmarshal(line, &e) == nil && len(e.Names()) > 0 {
				ix.Add(&e)
			}
		}
		return ix
	}
	seq, conc := build(), build()
	var queries []string
	rng := rand.New(rand.NewPCG(3, 0))
	for _, n := range seq.raw {
		queries = append(queries, n)
		if q, ok := typo.OneEdit(rng, n); ok {
			queries = append(queries, q)
		}
	}
	want := make([][]*oversight.Match, len(queries))
	for i, q := range queries {
		want[i] = seq.Match(oversight.NameQuery{Name: q}, 0.7)
	}
	got := make([][]*oversight.Match, len(queries))
	done := make(chan struct{})
	for w := range 4 {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := range queries { // every worker asks every word, in its own order
				j := (i*7 + w*len(queries)/4) % len(queries)
				if ms := conc.Match(oversight.NameQuery{Name: queries[j]}, 0.7); j%4 == w {
					got[j] = ms
				}
			}
		}()
	}
	for range 4 {
		<-done
	}
	for i := range queries {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("%q: %d matches at once, %d alone", queries[i], len(got[i]), len(want[i]))
		}
	}
	if ms := conc.Match(oversight.NameQuery{Name: "Zyxwvut Qponml"}, 0.5); len(ms) != 0 {
		t.Fatalf("before it is added: %v", ms)
	}
	conc.Add(&oversight.Entity{ID: "new", Schema: "Company", Properties: map[string][]string{"name": {"Zyxwvut Qponml Holdings"}}})
	if ms := conc.Match(oversight.NameQuery{Name: "Zyxwvut Qponml"}, 0.5); len(ms) == 0 || ms[0].ID != "new" {
		t.Fatalf("an entity added after queries: %v", ms)
	}
	t.Logf("%d queries", len(queries))
}

// TestIndex_AddAfterFreeze: entities added after a Match (which freezes the index) are found
// as if they had been added before it, and those added before as well: the same matches, with
// the same scores, as an index built at once.
func TestIndex_AddAfterFreeze(t *testing.T) {
	first := []string{"Bank Melli Iran", "Kim Jong Un", "Ооо Технолаб", "Shanghai Public Security Bureau", "金正恩"}
	later := []string{"Bank Saderat Iran", "Kim Yo Jong", "Ооо Технолаб Плюс", "Beijing Public Security Bureau", "김정은", "Melli Bank"}
	entity := func(i int, n string) *oversight.Entity {
		return &oversight.Entity{ID: strconv.Itoa(i), Schema: "LegalEntity", Properties: map[string][]string{"name": {n}}}
	}
	whole, grown := NewIndex(DefaultConfig()), NewIndex(DefaultConfig())
	for i, n := range append(slices.Clone(first), later...) {
		whole.Add(entity(i, n))
	}
	for i, n := range first {
		grown.Add(entity(i, n))
	}
	grown.Match(oversight.NameQuery{Name: "Bank Melli"}, 0.5) // freezes it
	for i, n := range later {
		grown.Add(entity(len(first)+i, n))
	}
	grown.Freeze()
	whole.Freeze()
	if len(grown.toks) != len(whole.toks) || len(grown.tkeys) != len(whole.tkeys) {
		t.Errorf("after a freeze: %d tokens, %d keys; in the whole index %d, %d", len(grown.toks), len(grown.tkeys), len(whole.toks), len(whole.tkeys))
	}
	for _, q := range append(append([]string{"Bank Meli", "Kim Jong-un", "Технолаб", "Public Security Bureau"}, first...), later...) {
		want := whole.Match(oversight.NameQuery{Name: q, Limit: 20}, 0.5)
		got := grown.Match(oversight.NameQuery{Name: q, Limit: 20}, 0.5)
		if len(want) == 0 {
			t.Errorf("%q: the whole index found nothing", q)
		}
		if len(got) != len(want) {
			t.Errorf("%q: %d matches after a freeze, %d in the whole index", q, len(got), len(want))
			continue
		}
		for i := range want {
			if got[i].ID != want[i].ID || got[i].Score != want[i].Score {
				t.Errorf("%q: match %d is %s %.3f after a freeze, %s %.3f in the whole index", q, i, got[i].ID, got[i].Score, want[i].ID, want[i].Score)
			}
		}
	}
}

// TestIndex_DocFreqAfterFreeze: a frozen index reads document frequencies from its vocabulary
// (docFreq) as they were counted, for words of the index and others; and after more Adds
// counts on from them.
func TestIndex_DocFreqAfterFreeze(t *testing.T) {
	ix := NewIndex(DefaultConfig())
	for i := range 30 {
		n := fmt.Sprintf("Trading %c%c Company", 'a'+i%26, 'a'+i/3)
		if i%2 == 0 {
			n += " Holding"
		}
		ix.Add(&oversight.Entity{ID: strconv.Itoa(i), Schema: "Company", Properties: map[string][]string{"name": {n}}})
	}
	words := []string{"trading", "holding", "company", "aa", "bd", "absent"}
	before := map[string]int{}
	for _, w := range words {
		before[w] = ix.docFreq(w)
	}
	if before["trading"] != 30 || before["holding"] != 15 || before["absent"] != 0 {
		t.Fatalf("before freezing: %v", before)
	}
	ix.Freeze()
	if ix.df != nil {
		t.Fatal("the frozen index kept its map")
	}
	for _, w := range words {
		if got := ix.docFreq(w); got != before[w] {
			t.Errorf("docFreq(%q) = %d frozen, %d before", w, got, before[w])
		}
	}
	ix.Add(&oversight.Entity{ID: "x", Schema: "Company", Properties: map[string][]string{"name": {"Holding Trading"}}})
	ix.Freeze()
	if got := ix.docFreq("holding"); got != 16 {
		t.Errorf("docFreq(holding) = %d after one more Add, want 16", got)
	}
	if got := ix.docFreq("trading"); got != 31 {
		t.Errorf("docFreq(trading) = %d after one more Add, want 31", got)
	}
}

// TestIndex_PinyinWritings: Chinese names in pinyin and in Hangul or Cyrillic as Korean and
// Russian write them find each other.
func TestIndex_PinyinWritings(t *testing.T) {
	findsEachOther(t, []string{"Xi Jinping", "Mao Zedong", "Chen Quanguo"}, []string{"시진핑", "마오쩌둥", "천취안궈"})
	findsEachOther(t, []string{"Xi Jinping", "Zhu Hailun", "Chen Quanguo", "Wang Yi"}, []string{"Си Цзиньпин", "Чжу Хайлунь", "Чэнь Цюаньго", "Ван И"})
	findsEachOther(t, []string{"习近平", "朱海仑"}, []string{"Си Цзиньпин", "Чжу Хайлунь"})
}

// TestIndex_KoreanRenderings: Korean names in Latin letters or Hangul and in Cyrillic or
// Katakana find each other.
func TestIndex_KoreanRenderings(t *testing.T) {
	findsEachOther(t, []string{"KIM, Jong Un", "CHOE, Ryong Hae", "RI, Pyong Chol", "김여정"},
		[]string{"Ким Чен Ын", "Цой Рён Хэ", "Ли Пён Чхоль", "Ким Ё Чжон"})
	findsEachOther(t, []string{"KIM, Jong Un", "Park Geun-hye", "RI, Pyong Chol", "김여정"},
		[]string{"キム・ジョンウン", "パク・クネ", "リ・ピョンチョル", "キム・ヨジョン"})
}

// TestIndex_HangulArticle: a query in Hangul that joins the Arabic article to a word finds
// the names that write it apart, and a name without the article is not found so.
func TestIndex_HangulArticle(t *testing.T) {
	ix := NewIndex(DefaultConfig())
	for i, n := range []string{"AL ZAWAHIRI, Ayman", "Abu Bakr AL-BAGHDADI", "EL BARNEY", "Bania", "AL-SHABAAB", "AL KAWTHAR"} {
		ix.Add(&oversight.Entity{ID: strconv.Itoa(i), Schema: "Person", Properties: map[string][]string{"name": {n}}})
	}
	for _, tt := range []struct{ q, want string }{
		{"아이만 알자와히리", "0"}, {"아부 바크르 알바그다디", "1"}, {"알바니아", ""}, {"알샤바브", "4"},
		{"알카에다", ""},
	} {
		ms := ix.Match(oversight.NameQuery{Name: tt.q}, ix.cfg.Threshold)
		if got := ""; len(ms) > 0 {
			got = ms[0].ID
			if got != tt.want {
				t.Errorf("%q: found %s first, want %q", tt.q, got, tt.want)
			}
		} else if tt.want != "" {
			t.Errorf("%q: found nothing, want %s", tt.q, tt.want)
		}
		checkCandidates(t, ix, tt.q, ix.cfg.ReviewThreshold)
	}
}

// TestIndex_Simplified: names in traditional and in simplified characters find each other.
func TestIndex_Simplified(t *testing.T) {
	findsEachOther(t, []string{"习近平", "华为技术有限公司", "杭州海康威视数字技术股份有限公司", "台湾"},
		[]string{"習近平", "華為技術有限公司", "杭州海康威視數字技術股份有限公司", "臺灣"})
}

// TestIndex_KoreanLegalSyllable: a Korean name whose last syllable is spelt as a legal form
// (Kwon Young Se, SE) finds its Hangul and Cyrillic, and the other way round.
func TestIndex_KoreanLegalSyllable(t *testing.T) {
	findsEachOther(t, []string{"KWON, Young Se", "Kim Jong Un"}, []string{"권영세", "김정은"})
	findsEachOther(t, []string{"Kwon Young Se", "Kim Jong Un"}, []string{"Квон Ён Се", "Ким Чен Ын"})
}

// FuzzIndexMatch: whatever the query, an index's matches are in [0,1], at or above the
// threshold, best first, and no more than the limit; and the index finds what comparing the
// query with every name finds (checkCandidates). The entities are names in the scripts the
// index reads by different ways (sounds, readings, writings, renderings, the Hangul article).
func FuzzIndexMatch(f *testing.F) {
	for _, s := range []string{"알샤바브", "Kim Jong Un", "Си Цзиньпин", "習近平", "아이만 알자와히리", "キム・ジョンウン",
		"Bashar al-Assad", "Kwon Young Se", "Shanghai PSB", "Siemens AG", "ZHU, Hailun", "알알알알"} {
		f.Add(s)
	}
	ix := NewIndex(DefaultConfig())
	for i, n := range []string{"AL-SHABAAB", "KIM, Jong Un", "Xi Jinping", "AL ZAWAHIRI, Ayman", "Bashar al-Assad",
		"Kwon Young Se", "习近平", "김정은", "Ким Чен Ын", "キム・ジョンウン", "EL BARNEY", "上海市公安局",
		"Korea Mining Development Trading Corporation", "조선광업개발무역회사", "Siemens AG", "西门子股份公司",
		"Чжу Хайлунь", "Shanghai Municipal Public Security Bureau", "Vladimir Putin"} {
		ix.Add(&oversight.Entity{ID: strconv.Itoa(i), Schema: "LegalEntity", Properties: map[string][]string{"name": {n}}})
	}
	ix.Freeze()
	f.Fuzz(func(t *testing.T, q string) {
		min := ix.cfg.Threshold
		ms := ix.Match(oversight.NameQuery{Name: q}, min)
		if len(ms) > ix.limit(oversight.NameQuery{}) {
			t.Fatalf("Match(%q): %d matches, limit %d", q, len(ms), ix.limit(oversight.NameQuery{}))
		}
		for i, m := range ms {
			if m.Score < 0 || m.Score > 1 || below(m.Score, min) || i > 0 && m.Score > ms[i-1].Score {
				t.Fatalf("Match(%q): score %v at %d (threshold %v, before %v)", q, m.Score, i, min, ms[max(i-1, 0)].Score)
			}
		}
		checkCandidates(t, ix, q, min)
	})
}
