package match

import (
	"slices"
	"strings"
	"testing"
)

// TestHangulOfPinyin: syllables written as table 5 of the Korean rules for foreign words
// writes them (중국어의 주음 부호와 한글 대조표), with chapter 3 section 7's rule for ㅈ ㅉ ㅊ.
func TestHangulOfPinyin(t *testing.T) {
	for _, tt := range []struct{ pinyin, want string }{
		{"ba", "바"}, {"po", "포"}, {"fo", "포"}, {"de", "더"}, {"ke", "커"}, {"he", "허"},
		{"ji", "지"}, {"qi", "치"}, {"xi", "시"}, {"zhi", "즈"}, {"chi", "츠"}, {"shi", "스"},
		{"ri", "르"}, {"zi", "쯔"}, {"ci", "츠"}, {"si", "쓰"}, {"ze", "쩌"}, {"se", "써"},
		{"ai", "아이"}, {"ei", "에이"}, {"ao", "아오"}, {"ou", "어우"}, {"er", "얼"},
		{"ya", "야"}, {"ye", "예"}, {"yao", "야오"}, {"you", "유"}, {"yan", "옌"}, {"ying", "잉"},
		{"wo", "워"}, {"wei", "웨이"}, {"wen", "원"}, {"weng", "웡"}, {"yu", "위"}, {"yue", "웨"},
		{"yuan", "위안"}, {"yun", "윈"}, {"yong", "융"},
		{"jia", "자"}, {"jie", "제"}, {"jiao", "자오"}, {"jiu", "주"}, {"jian", "젠"},
		{"jiang", "장"}, {"jiong", "중"}, {"ju", "쥐"}, {"jue", "줴"}, {"juan", "쥐안"}, {"jun", "쥔"},
		{"qie", "체"}, {"qiu", "추"}, {"qian", "첸"}, {"qiang", "창"}, {"quan", "취안"},
		{"xia", "샤"}, {"xie", "셰"}, {"xiao", "샤오"}, {"xiu", "슈"}, {"xian", "셴"},
		{"xiang", "샹"}, {"xiong", "슝"}, {"xu", "쉬"}, {"xue", "쉐"}, {"xun", "쉰"},
		{"dong", "둥"}, {"long", "룽"}, {"zhong", "중"}, {"zong", "쭝"}, {"song", "쑹"},
		{"duo", "둬"}, {"guo", "궈"}, {"zuo", "쭤"}, {"gui", "구이"}, {"dun", "둔"}, {"sun", "쑨"},
		{"tian", "톈"}, {"lian", "롄"}, {"lie", "례"}, {"liu", "류"}, {"lv", "뤼"}, {"nve", "눼"},
		{"zhua", "좌"}, {"zhuang", "좡"}, {"huan", "환"},
	} {
		if got := hangulOfPinyin(nil, tt.pinyin); len(got) == 0 || got[0] != tt.want {
			t.Errorf("hangulOfPinyin(%q) = %q, want %q first", tt.pinyin, got, tt.want)
		}
	}
	// Names write lü as lu: both are read.
	if got := hangulOfPinyin(nil, "lu"); !slices.Equal(got, []string{"뤼", "루"}) {
		t.Errorf("hangulOfPinyin(lu) = %q, want 뤼 and 루", got)
	}
	// Every pinyin syllable of a name is written (but go-pinyin's wong, which is no syllable
	// of the standard's table).
	for p := range pinyinSyllables() {
		if p != "wong" && strings.ContainsAny(p, "aeiouv") && !strings.ContainsFunc(p, func(r rune) bool { return r < 'a' || r > 'z' }) && len(hangulOfPinyin(nil, p)) == 0 {
			t.Errorf("%q: no Hangul", p)
		}
	}
}

// TestPalladiusOfPinyin: syllables written in the Palladius system.
func TestPalladiusOfPinyin(t *testing.T) {
	for _, tt := range []struct{ pinyin, want string }{
		{"xi", "си"}, {"jin", "цзинь"}, {"ping", "пин"}, {"ze", "цзэ"}, {"dong", "дун"},
		{"zhi", "чжи"}, {"chi", "чи"}, {"shi", "ши"}, {"ri", "жи"}, {"zi", "цзы"}, {"ci", "цы"},
		{"si", "сы"}, {"qiang", "цян"}, {"xiao", "сяо"}, {"jie", "цзе"}, {"xue", "сюэ"},
		{"quan", "цюань"}, {"jun", "цзюнь"}, {"guo", "го"}, {"zhou", "чжоу"}, {"yi", "и"},
		{"wei", "вэи"}, {"hui", "хуэи"}, {"gui", "гуи"}, {"lv", "люи"}, {"er", "эр"},
		{"yuan", "юань"}, {"ren", "жэнь"}, {"zheng", "чжэн"}, {"sun", "сунь"}, {"hua", "хуа"},
	} {
		if got := palladiusOfPinyin(nil, tt.pinyin); len(got) == 0 || got[0] != tt.want {
			t.Errorf("palladiusOfPinyin(%q) = %q, want %q first", tt.pinyin, got, tt.want)
		}
	}
	for p := range pinyinSyllables() {
		if p != "wong" && strings.ContainsAny(p, "aeiouv") && !strings.ContainsFunc(p, func(r rune) bool { return r < 'a' || r > 'z' }) && len(palladiusOfPinyin(nil, p)) == 0 {
			t.Errorf("%q: no Cyrillic", p)
		}
	}
}

func TestPinyinWritingAlign(t *testing.T) {
	k := DefaultKnowledge()
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"Xi Jinping", "시진핑", true},
		{"Jinping Xi", "시진핑", true}, // family name last
		{"XI, Jinping", "시 진핑", true},
		{"Mao Zedong", "마오쩌둥", true},
		{"Chen Min'er", "천민얼", true},
		{"Qin Gang", "친강", true},
		{"Xi Jinping", "시진펑", false}, // peng
		{"Li Peng", "리핑", false},
		{"Kim Jong Un", "김정은", false}, // no pinyin: readingsAlign's
		{"Xi Jinping", "习近平", false},  // Han: readingsAlign's
		{"Xi Jinping", "Си Цзиньпин", true},
		{"Jinping Xi", "Си Цзиньпин", true},
		{"Chen Quanguo", "Чэнь Цюаньго", true},
		{"Zhou Enlai", "Чжоу Эньлай", true},
		{"Xi Jinping", "Си Цзиньпинь", false},
		{"Vladimir Putin", "Владимир Путин", false}, // no pinyin
		{"Xizang", "시짱", true},                      // as written, not as the place Tibet
	} {
		if got := pinyinWritingAlign(k.analyze(tt.a), k.analyze(tt.b)) != ""; got != tt.want {
			t.Errorf("pinyinWritingAlign(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
