package match

import (
	"bufio"
	"bytes"
	"embed"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/mozillazg/go-unidecode"
)

//go:embed knowledge/*.tsv
var knowledgeFS embed.FS

// Knowledge is the organisation and name knowledge the matcher uses, read from the embedded
// tables in knowledge/ (each file names its sources).
type Knowledge struct {
	legal         map[string]string // normalised variant → canonical legal form
	legalFirst    map[string]bool   // the first words of the variants
	legalMaxWords int
	longLegal     []longLegal       // one-word variants of twelve letters or more, for misspellings
	phrases       []legalPhrase     // variants of two words or more, for misspellings
	phraseWord    map[string]bool   // the words of phrases
	legalFamily   map[string]string // canonical legal form → the family it belongs to, if not itself
	terms         map[string]string // Chinese/Korean institutional term → English rendering
	termMaxRunes  int
	// countries are the names of countries in Han or Hangul (knowledge/countries.tsv) → their
	// English names, read at the start of a word (countryAt).
	countries       map[string]string
	countryMaxRunes int
	// russian are Russian institutional words in their forms (knowledge/terms_russian.tsv),
	// normalised (й is и) → their English rendering.
	russian map[string][]string
	// russianLatin are the same words in Latin letters, by their cyrillicFold (federalnaya,
	// federal'naia) → their English rendering.
	russianLatin map[string][]string
	// european are institutional words of European languages (knowledge/terms_european.tsv)
	// → their English rendering.
	european   map[string][]string
	honorifics map[string]bool
	body       map[string]bool // words that name a kind of body (words.tsv)
	stop       map[string]bool
	patronymic map[string]bool   // particles of a patronymic chain: bin, ibn …
	particle   map[string]string // a particle → the spelling it is read as (ibn → bin)
	koSurnames map[string]string // Hangul surname syllable → usual Latin spelling
	// kanaTerms are the terms (terms.tsv) written in Kana, longest first: English words
	// Japanese firms write at the end of their names (ソニーグループ, Sony Group).
	kanaTerms []string
	// koOther are the other spellings of Korean surnames, by the usual one (korean_surnames.tsv:
	// lee → yi, rhee, ri), folded by latinKoreanFold.
	koOther map[string][]string
	// traditional and simplified are the traditional Han characters, sorted, and their
	// simplified forms (han_simplified.tsv): 自治區 is found as the term 自治区.
	traditional, simplified []rune
	// byTraditional are the traditional characters of each simplified one (traditionalOf),
	// made at the first use.
	byTraditional   map[rune][]rune
	traditionalOnce sync.Once

	places map[string]string // a Latin form of a place → its canonical form (places.tsv)
	// placesNative are the names of cities in scripts other than Latin, Han and Hangul, one
	// word each (Москва, モスクワ: knowledge/places_cldr.tsv) → their English names.
	placesNative map[string]string
	// placeNames are the normalised names of countries and places in every form known, for
	// telling a part of a name that names only a place (alternatives).
	placeNames map[string]bool
	// given are East Slavic given names in their Russian, Ukrainian and Belarusian forms, and
	// some in their Georgian ones, by their cyrillicFold → the name's canonical form
	// (given_names_east_slavic.tsv; givenName)
	given        map[string]string
	givenCanon   []*token            // the canonical forms of given, each once (renderedGiven)
	abbrev       map[string][]string // an abbreviation → the words it stands for (abbreviations.tsv)
	abbrevDotted map[string]string   // an abbreviation that counts only written with dots → so written
}

type longLegal struct {
	r     []rune
	canon string
}

type legalPhrase struct {
	words []string
	canon string
}

var (
	defaultKnowledge     *Knowledge
	defaultKnowledgeOnce sync.Once
)

// DefaultKnowledge returns the embedded knowledge tables.
func DefaultKnowledge() *Knowledge {
	defaultKnowledgeOnce.Do(func() {
		k := &Knowledge{body: map[string]bool{}, legal: map[string]string{}, legalFamily: map[string]string{}, legalFirst: map[string]bool{}, terms: map[string]string{}, honorifics: map[string]bool{}, stop: map[string]bool{}, patronymic: map[string]bool{}, particle: map[string]string{}, phraseWord: map[string]bool{}, places: map[string]string{}, abbrev: map[string][]string{}, abbrevDotted: map[string]string{}, koSurnames: map[string]string{}}
		readTSV("knowledge/legal_forms.tsv", func(a, b string) {
			k.legal[a] = b
			k.legalFirst[strings.Fields(a)[0]] = true
			k.legalMaxWords = max(k.legalMaxWords, len(strings.Fields(a)))
		})
		for v, canon := range k.legal {
			if !strings.Contains(v, " ") && utf8.RuneCountInString(v) >= 12 {
				k.longLegal = append(k.longLegal, longLegal{[]rune(v), canon})
			}
			if ws := strings.Fields(v); len(ws) >= 2 {
				k.phrases = append(k.phrases, legalPhrase{ws, canon})
				for _, w := range ws {
					k.phraseWord[w] = true
				}
			}
		}
		// Longest first, then in a fixed order.
		slices.SortFunc(k.phrases, func(a, b legalPhrase) int {
			if len(a.words) != len(b.words) {
				return len(b.words) - len(a.words)
			}
			return slices.Compare(a.words, b.words)
		})
		// A fixed order: maps iterate at random, and a word may be near two forms.
		slices.SortFunc(k.longLegal, func(a, b longLegal) int { return strings.Compare(string(a.r), string(b.r)) })
		readTSV("knowledge/legal_families.tsv", func(form, family string) { k.legalFamily[form] = family })
		readTSV("knowledge/terms.tsv", func(a, b string) {
			k.terms[a] = b
			k.termMaxRunes = max(k.termMaxRunes, utf8.RuneCountInString(a))
			if Script(a) == "kana" {
				k.kanaTerms = append(k.kanaTerms, a)
			}
		})
		slices.SortFunc(k.kanaTerms, func(a, b string) int { return len(b) - len(a) }) // longest first
		k.russian, k.russianLatin = map[string][]string{}, map[string][]string{}
		readTSV("knowledge/terms_russian.tsv", func(en, forms string) {
			for _, f := range strings.Fields(forms) {
				f = Normalize(f)
				k.russian[f] = strings.Fields(en)
				// The form in Latin letters too, by any system (cyrillicFold), from five letters
				// on (дела, dela, would be Dela Cruz's).
				if lat := cyrillicFold(normalizeOnce(unidecode.Unidecode(f))); len(lat) >= 5 {
					k.russianLatin[lat] = strings.Fields(en)
				}
			}
		})
		k.given = map[string]string{}
		readTSV("knowledge/given_names_east_slavic.tsv", func(canon, forms string) {
			for _, f := range strings.Fields(forms) {
				fold := cyrillicFold(normalizeOnce(unidecode.Unidecode(Normalize(f))))
				if c, ok := k.given[fold]; ok && c != canon {
					panic("knowledge/given_names_east_slavic.tsv: " + f + " is " + c + " and " + canon)
				}
				k.given[fold] = canon
			}
			k.givenCanon = append(k.givenCanon, givenToken(canon))
		})
		k.european = map[string][]string{}
		readTSV("knowledge/terms_european.tsv", func(en, forms string) {
			for _, f := range strings.Fields(forms) {
				k.european[Normalize(f)] = strings.Fields(en)
			}
		})
		k.countries = map[string]string{}
		for _, f := range []string{"knowledge/countries.tsv", "knowledge/countries_common.tsv"} {
			readTSV(f, func(a, b string) {
				k.countries[a] = b
				k.countryMaxRunes = max(k.countryMaxRunes, utf8.RuneCountInString(a))
			})
		}
		// Cities in other languages (places_cldr.tsv): in Han or Hangul read as country names
		// are, at the start of a word (countryAt: 东京大学, Tokyo University); in Latin letters
		// as places.tsv's forms; in other scripts word by word (placesNative).
		k.placesNative = map[string]string{}
		readTSV("knowledge/places_cldr.tsv", func(canon, forms string) {
			for _, f := range strings.Fields(forms) {
				switch Script(f) {
				case "han", "hangul":
					if _, ok := k.countries[f]; !ok {
						k.countries[f] = canon
						k.countryMaxRunes = max(k.countryMaxRunes, utf8.RuneCountInString(f))
					}
				case "latin":
					if _, ok := k.places[f]; !ok {
						k.places[f] = canon
					}
				default:
					k.placesNative[f] = canon
				}
			}
		})
		readTSV("knowledge/han_simplified.tsv", func(t, s string) {
			k.traditional = append(k.traditional, []rune(t)[0])
			k.simplified = append(k.simplified, []rune(s)[0])
		})
		// Japanese simplified characters read in their Chinese forms too (産, 产), kept in
		// the order simplify searches; where Unihan gives one another form, the table's is
		// the one Chinese writes (総: 总, not U+30B25).
		readTSV("knowledge/han_shinjitai.tsv", func(j, forms string) {
			_, cn, _ := strings.Cut(forms, "\t")
			r, c := []rune(j)[0], []rune(cn)[0]
			if i, found := slices.BinarySearch(k.traditional, r); found {
				k.simplified[i] = c
			} else {
				k.traditional = slices.Insert(k.traditional, i, r)
				k.simplified = slices.Insert(k.simplified, i, c)
			}
		})
		k.koOther = map[string][]string{}
		readTSV("knowledge/korean_surnames.tsv", func(h, spellings string) {
			f := strings.Fields(spellings)
			k.koSurnames[h] = f[0]
			for _, o := range f[1:] {
				k.koOther[f[0]] = append(k.koOther[f[0]], latinKoreanFold(o))
			}
		})
		readTSV("knowledge/abbreviations.tsv", func(a, words string) {
			if strings.Contains(a, ".") {
				k.abbrevDotted[strings.ReplaceAll(a, ".", "")] = a
			}
			k.abbrev[strings.ReplaceAll(a, ".", "")] = strings.Fields(words)
		})
		readTSV("knowledge/places.tsv", func(canon, forms string) {
			for _, f := range strings.Fields(forms) {
				switch Script(f) {
				case "han", "hangul":
					k.terms[f] = canon // segmented like an institutional term
					k.termMaxRunes = max(k.termMaxRunes, utf8.RuneCountInString(f))
				default:
					k.places[Normalize(f)] = canon
				}
			}
		})
		readTSV("knowledge/words.tsv", func(kind, w string) {
			switch kind {
			case "honorific":
				k.honorifics[w] = true
			case "stop":
				k.stop[w] = true
			case "patronymic":
				k.stop[w], k.patronymic[w] = true, true
			case "body":
				k.body[w] = true
			case "same":
				f := strings.Fields(w)
				if len(f) != 2 || !k.stop[f[0]] || !k.stop[f[1]] {
					panic("knowledge/words.tsv: same needs two particles listed above it: " + w)
				}
				k.particle[f[0]] = f[1]
			}
		})
		k.placeNames = map[string]bool{}
		for _, m := range []map[string]string{k.countries, k.places, k.placesNative} {
			for form, canon := range m {
				k.placeNames[Normalize(form)], k.placeNames[Normalize(canon)] = true, true
			}
		}
		defaultKnowledge = k
	})
	return defaultKnowledge
}

func readTSV(name string, fn func(a, b string)) {
	b, err := knowledgeFS.ReadFile(name)
	if err != nil {
		panic(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		a, b, ok := strings.Cut(line, "\t")
		if !ok {
			panic(name + ": bad line " + line)
		}
		fn(strings.TrimSpace(a), strings.TrimSpace(b))
	}
}

// givenName is the canonical form of an East Slavic given name (k.given) that a word in an
// alphabet that writes its vowels (Latin, Cyrillic, Greek, Armenian, India's scripts …) is,
// read in Latin letters, in any of the three languages' forms, or "" if it is none; a
// patronymic built on one (Volodymyrovych, Uladzimiravich, Sergeevich, Vladimirovna) is the
// canonical form with "+p", or "+pf" for a daughter's (-ovna, -ivna: a son's and a
// daughter's are two words). Patronymics are read by their endings (patronymicEndings), the
// name before the ending as it is or with the й that Russian drops before -evich (Sergei,
// Serge-evich). A Latin word is read as written and in the spelling its derived form xt gives
// the sounds (spellingFold): the other languages of Europe transcribe Russian names their own
// way (Wladimir, Władimir, Vlagyimir Vlagyimirovics, Wladimirowitsch: Vladimir,
// Vladimirovich), and without a Latvian or Lithuanian ending (Vladimiras, Vladimirs: a given
// name, not a patronymic). It is called after derive.
func (k *Knowledge) givenName(t *token) string {
	if t.kind != kindWord || !alphabetic(t.script) {
		return ""
	}
	if g := k.givenNameOf(t.text); g != "" {
		return g
	}
	if t.xt != "" && t.xt != t.text {
		if g := k.givenNameOf(t.xt); g != "" {
			return g
		}
	}
	if st := t.stem(); st != nil { // without a Baltic ending: Vladimiras, Vladimirs (balticStem)
		if g := k.givenNameOf(st.xt); g != "" && !strings.Contains(g, "+") {
			return g
		}
	}
	return ""
}

// renderedGiven reports whether a word in a script other than Latin and Cyrillic renders an
// East Slavic given name by ear (ウラジーミル, فلاديمير: Vladimir), as tokenSim pairs them.
func (k *Knowledge) renderedGiven(t *token) bool {
	if t.kind != kindWord || t.script == "latin" || t.script == "cyrillic" || t.given != "" {
		return false
	}
	return slices.ContainsFunc(k.givenCanon, func(g *token) bool { return tokenSim(g, t) >= byEarSim })
}

// givenNameOf is givenName of a word's letters.
func (k *Knowledge) givenNameOf(w string) string {
	var buf [64]byte
	if c, ok := k.given[string(appendCyrillicFold(buf[:0], w))]; ok {
		return c
	}
	if len(w) < 7 {
		return ""
	}
	for _, e := range patronymicEndings {
		stem, ok := strings.CutSuffix(w, e)
		if !ok {
			continue
		}
		for _, s := range []string{stem, stem + "i"} {
			if c, ok := k.given[string(appendCyrillicFold(buf[:0], s))]; ok {
				if strings.HasSuffix(e, "na") {
					return c + "+pf"
				}
				return c + "+p"
			}
		}
	}
	return ""
}

// traditionalOf returns the traditional characters whose simplified form is c (发: 發, 髮),
// none for a character that is no such form.
func (k *Knowledge) traditionalOf(c rune) []rune {
	k.traditionalOnce.Do(func() {
		k.byTraditional = map[rune][]rune{}
		for i, s := range k.simplified {
			k.byTraditional[s] = append(k.byTraditional[s], k.traditional[i])
		}
	})
	return k.byTraditional[c]
}

// simplify returns rs with its traditional Han characters in their simplified forms, and
// whether it held any (if not, it returns rs itself).
func (k *Knowledge) simplify(rs []rune) ([]rune, bool) {
	var out []rune
	for i, r := range rs {
		if j, ok := slices.BinarySearch(k.traditional, r); ok {
			if out == nil {
				out = slices.Clone(rs)
			}
			out[i] = k.simplified[j]
		}
	}
	if out == nil {
		return rs, false
	}
	return out, true
}

// kanaSuffixes splits the Kana terms off the end of a word (ソニーグループ: ソニー, group), the
// word first and the terms' English after it; the word alone when it ends in none, or is one.
func (k *Knowledge) kanaSuffixes(w string) (string, []string) {
	var tail []string
	for {
		cut := false
		for _, t := range k.kanaTerms {
			if rest, ok := strings.CutSuffix(w, t); ok && rest != "" {
				tail = append(strings.Fields(k.terms[t]), tail...)
				w, cut = rest, true
				break
			}
		}
		if !cut {
			return w, tail
		}
	}
}
