//! The benchmark corpus: `cargo xtask corpus --articles N [--out DIR]` writes N articles
//! in the seed format (docs/format.md), deterministically — the same bytes on every run
//! with the same word list.
//!
//! Article 0 is the real seed. Every other article: a title, a lede, 6–14 long one-line
//! paragraphs, one or two embedded cards in about half of them, sometimes a heading, and
//! the seed's disclaimer glued to the last paragraph. Words are Zipf-distributed (s = 1)
//! over Debian's wamerican list (`/usr/share/dict/american-english`: its lowercase a–z
//! words, ranked by a fixed shuffle), with domain names (countries, cities, people,
//! institutions; some of several words) at about 3 %, Cyrillic words at about 2 % and
//! Hangul words at about 1 %. About 15 kB an article: 100, 1,000 and 10,000 articles are
//! about 1.5, 15 and 150 MB.
//!
//! The bytes depend on the word list: its FNV-1a hash is printed and kept in the stamp
//! file (`DIR/.stamp`), and a folder whose stamp matches is not written again.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::root;

/// Bump when the output changes for the same word list.
const VERSION: u32 = 2;
const WORDS: &str = crate::tools::WORD_LIST;
const SEED_DIR: &str = "seeds";

const DOMAIN: &[&str] = &[
    "Russia",
    "South Korea",
    "North Korea",
    "Republic of Korea",
    "Japan",
    "China",
    "Mongolia",
    "Kazakhstan",
    "Vietnam",
    "United States",
    "India",
    "Moscow",
    "Seoul",
    "Pyongyang",
    "Vladivostok",
    "Busan",
    "Tokyo",
    "Beijing",
    "Khabarovsk",
    "Incheon",
    "Washington",
    "Moon Jae-in",
    "Vladimir Putin",
    "Yoon Suk-yeol",
    "Kim Jong-un",
    "Park Geun-hye",
    "Sergey Lavrov",
    "Georgy Toloraya",
    "Lee Jae-Young",
    "Eastern Economic Forum",
    "Eurasian Economic Union",
    "Valdai Discussion Club",
    "Trans-Korean Railway",
    "Northern Sea Route",
    "Korea Institute for International Economic Policy",
    "ASEAN",
    "United Nations",
    "Security Council",
    "Far East",
    "Arctic",
    "Siberia",
    "Primorye",
];

const CYRILLIC: &[&str] = &[
    "санкции",
    "санкций",
    "санкциями",
    "экономика",
    "экономики",
    "экономике",
    "Москва",
    "Москвы",
    "Москве",
    "Сеул",
    "Сеула",
    "Сеуле",
    "сотрудничество",
    "сотрудничества",
    "сотрудничеству",
    "политика",
    "политики",
    "политике",
    "торговля",
    "торговли",
    "торговле",
    "Россия",
    "России",
    "Корея",
    "Кореи",
    "Корее",
    "безопасность",
    "безопасности",
    "диалог",
    "диалога",
    "отношения",
    "отношений",
    "отношениях",
    "переговоры",
    "переговоров",
    "регион",
    "региона",
    "регионе",
    "развитие",
    "развития",
    "инвестиции",
    "инвестиций",
    "газопровод",
    "газопровода",
    "железная",
    "дорога",
    "дороги",
    "проект",
    "проекта",
    "проекты",
    "форум",
    "форума",
    "Владивосток",
    "Владивостоке",
    "Дальний",
    "Восток",
    "Востока",
    "правительство",
    "правительства",
    "президент",
    "президента",
    "министр",
    "министра",
    "страна",
    "страны",
    "странами",
    "граница",
    "границы",
    "энергетика",
    "энергетики",
    "рынок",
    "рынка",
    "рынке",
    "договор",
    "договора",
    "кризис",
    "кризиса",
    "союз",
    "союза",
    "партнёр",
    "партнёра",
    "партнёрство",
    "ёмкость",
    "йод",
    "интерес",
    "интересы",
    "интересов",
    "стратегия",
    "стратегии",
    "перспективы",
    "перспектив",
    "влияние",
    "влияния",
    "решение",
    "решения",
];

const HANGUL: &[&str] = &[
    "서울",
    "서울과",
    "서울의",
    "한국",
    "한국은",
    "한국의",
    "북한",
    "북한의",
    "러시아",
    "러시아와",
    "모스크바",
    "평양",
    "평양의",
    "경제",
    "경제적",
    "협력",
    "협력을",
    "대화",
    "대화를",
    "정부",
    "정부는",
    "대통령",
    "대통령은",
    "외교",
    "외교부",
    "안보",
    "제재",
    "제재를",
    "무역",
    "투자",
    "철도",
    "가스관",
    "에너지",
    "지역",
    "지역의",
    "관계",
    "관계를",
    "정책",
    "정책을",
    "회담",
    "회담에서",
    "발표",
    "발표했다",
    "거부했다",
    "동의했다",
    "블라디보스토크",
    "극동",
    "동방경제포럼",
    "문재인",
    "윤석열",
    "남북",
    "통일",
    "평화",
    "미래",
    "가능성",
    "전망",
    "시장",
    "기업",
    "프로젝트",
];

const FIRST_NAMES: &[&str] = &[
    "Georgy",
    "Anna",
    "Ivan",
    "Elena",
    "Dmitry",
    "Olga",
    "Sergey",
    "Maria",
    "Alexander",
    "Natalia",
    "Jae-Young",
    "Min-jun",
    "Seo-yeon",
    "Ji-ho",
    "Hyun-woo",
    "Andrei",
    "Svetlana",
    "Pavel",
    "Irina",
    "Yuri",
    "Tatiana",
    "Viktor",
    "Daniel",
    "Sarah",
    "James",
    "Emily",
];
const LAST_NAMES: &[&str] = &[
    "Toloraya",
    "Lee",
    "Kim",
    "Park",
    "Choi",
    "Ivanov",
    "Petrova",
    "Smirnov",
    "Kuznetsova",
    "Sokolov",
    "Lukin",
    "Zhebin",
    "Asmolov",
    "Kortunov",
    "Timofeev",
    "Suslov",
    "Jung",
    "Kang",
    "Yoon",
    "Han",
    "Morozov",
    "Volkova",
    "Novikov",
    "Fedorova",
    "Bordachev",
    "Karaganov",
];

/// `corpus --articles N [--out DIR]`.
pub fn command(args: &[String]) -> Result<(), String> {
    let mut articles: Option<usize> = None;
    let mut out: Option<PathBuf> = None;
    let mut it = args.iter().skip(1);
    while let Some(arg) = it.next() {
        let value = it.next().ok_or(format!("{arg} needs a value"))?;
        match arg.as_str() {
            "--articles" => {
                articles = Some(
                    value
                        .parse()
                        .map_err(|_| format!("--articles {value}: not a number"))?,
                );
            }
            "--out" => out = Some(root().join(value)),
            other => return Err(format!("unknown corpus option {other}")),
        }
    }
    let n = articles.ok_or("usage: cargo xtask corpus --articles N [--out DIR]")?;
    let out = out.unwrap_or_else(|| default_dir(n));
    ensure(n, &out)
}

/// Where the corpus of `n` articles goes by default.
pub fn default_dir(n: usize) -> PathBuf {
    root().join("target/corpus").join(n.to_string())
}

/// Writes the corpus of `n` articles into `out`, unless its stamp says it is there.
pub fn ensure(n: usize, out: &Path) -> Result<(), String> {
    crate::tools::ensure_word_list()?;
    let words_text = std::fs::read_to_string(WORDS)
        .map_err(|e| format!("cannot read {WORDS}: {e} (cargo xtask setup installs wamerican)"))?;
    let words_hash = fnv(words_text.as_bytes());
    let stamp = format!("generator {VERSION}, {n} articles, word list {words_hash:016x}\n");
    let stamp_path = out.join(".stamp");
    if std::fs::read_to_string(&stamp_path).is_ok_and(|s| s == stamp) {
        eprintln!(
            "xtask: skip: {} holds the corpus ({})",
            out.display(),
            stamp.trim()
        );
        return Ok(());
    }
    let start = std::time::Instant::now();
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let (seed_name, seed) = seed()?;
    let mut generator = Generator::new(&words_text);
    let mut bytes = 0usize;
    let mut hash: u64 = FNV_OFFSET;
    for i in 0..n {
        let (name, text) = if i == 0 {
            (format!("00000-{seed_name}"), seed.clone())
        } else {
            generator.article(i)
        };
        bytes += text.len();
        hash = fnv_more(hash, text.as_bytes());
        let path = out.join(&name);
        std::fs::write(&path, &text)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    std::fs::write(&stamp_path, &stamp).map_err(|e| format!("cannot write the stamp: {e}"))?;
    eprintln!(
        "xtask: wrote {n} articles, {:.1} MB, into {} in {:.1} s (word list {words_hash:016x}, \
         {} words; corpus {hash:016x})",
        bytes as f64 / 1e6,
        out.display(),
        start.elapsed().as_secs_f64(),
        generator.words.len()
    );
    Ok(())
}

/// The seed article: its name without the numeric prefix, and its text.
fn seed() -> Result<(String, String), String> {
    let dir = root().join(SEED_DIR);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let name = names.first().ok_or("seeds/ has no article")?;
    let text =
        std::fs::read_to_string(dir.join(name)).map_err(|e| format!("cannot read {name}: {e}"))?;
    let bare = name.split_once('-').map_or(name.as_str(), |(_, rest)| rest);
    Ok((bare.to_owned(), text))
}

/// The article generator: a PRNG and the ranked vocabulary.
struct Generator {
    rng: SplitMix64,
    words: Vec<String>,
    /// Zipf's cumulative weights of the ranks.
    cumulative: Vec<f64>,
    disclaimer: String,
}

impl Generator {
    fn new(words_text: &str) -> Generator {
        let mut rng = SplitMix64(0x5eed_a11c_e5ea_2c4e);
        let mut words: Vec<String> = words_text
            .lines()
            .filter(|w| (2..=14).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase()))
            .map(str::to_owned)
            .collect();
        words.sort();
        words.dedup();
        // A fixed shuffle ranks them (Fisher–Yates).
        for i in (1..words.len()).rev() {
            let j = rng.below(i + 1);
            words.swap(i, j);
        }
        let mut total = 0.0;
        let cumulative = (0..words.len())
            .map(|rank| {
                total += 1.0 / (rank as f64 + 1.0);
                total
            })
            .collect();
        Generator {
            rng: SplitMix64(0x0a27_1c1e_5eed_0001),
            words,
            cumulative,
            disclaimer: "Views expressed are of individual Members and Contributors, rather than the Club's, unless explicitly stated otherwise.".to_owned(),
        }
    }

    /// A Zipf-distributed vocabulary word.
    fn zipf(&mut self) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = self.rng.unit() * total;
        let rank = self
            .cumulative
            .partition_point(|&c| c < x)
            .min(self.words.len().saturating_sub(1));
        self.words.get(rank).map_or("word", String::as_str)
    }

    /// One word of running text (maybe several for a multi-word name).
    fn word(&mut self) -> String {
        let r = self.rng.unit();
        let pick = |rng: &mut SplitMix64, list: &[&str]| {
            list.get(rng.below(list.len()))
                .copied()
                .unwrap_or("")
                .to_owned()
        };
        if r < 0.03 {
            pick(&mut self.rng, DOMAIN)
        } else if r < 0.05 {
            pick(&mut self.rng, CYRILLIC)
        } else if r < 0.06 {
            pick(&mut self.rng, HANGUL)
        } else {
            self.zipf().to_owned()
        }
    }

    /// `n` words, space-separated, the first capitalised when `capital`.
    fn words(&mut self, n: usize, commas: bool) -> String {
        let mut out = String::new();
        for i in 0..n {
            if i > 0 {
                out.push(' ');
            }
            let w = self.word();
            out.push_str(&w);
            if commas && i + 1 < n && self.rng.unit() < 0.07 {
                out.push(',');
            }
        }
        out
    }

    /// A sentence: 8–30 words, capitalised, ending with a full stop.
    fn sentence(&mut self) -> String {
        let n = 8 + self.rng.below(23);
        let mut s = capitalise(&self.words(n, true));
        s.push('.');
        s
    }

    /// A paragraph: sentences up to 80–220 words, one line.
    fn paragraph(&mut self) -> String {
        let target = 80 + self.rng.below(141);
        let mut out = String::new();
        while out.split(' ').count() < target {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&self.sentence());
        }
        out
    }

    /// Title-cased words, no final punctuation.
    fn heading(&mut self, min: usize, spread: usize) -> String {
        let n = min + self.rng.below(spread);
        self.words(n, false)
            .split(' ')
            .map(capitalise)
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn author(&mut self) -> String {
        let first = FIRST_NAMES
            .get(self.rng.below(FIRST_NAMES.len()))
            .copied()
            .unwrap_or("Anna");
        let last = LAST_NAMES
            .get(self.rng.below(LAST_NAMES.len()))
            .copied()
            .unwrap_or("Lee");
        format!("{first} {last}")
    }

    /// Article `i`: its file name and text.
    fn article(&mut self, i: usize) -> (String, String) {
        let title = self.heading(5, 8);
        let lede_words = 12 + self.rng.below(19);
        let lede = capitalise(&self.words(lede_words, true));
        let paragraphs = 6 + self.rng.below(9);
        let cards = if self.rng.unit() < 0.5 {
            1 + self.rng.below(2)
        } else {
            0
        };
        let card_at: Vec<usize> = (0..cards)
            .map(|_| 1 + self.rng.below(paragraphs - 1))
            .collect();
        let heading_at = (self.rng.unit() < 0.15).then(|| 1 + self.rng.below(paragraphs - 1));
        let mut text = String::new();
        let _ = write!(text, "{title}\n\n{lede}\n\n");
        for p in 0..paragraphs {
            if heading_at == Some(p) {
                let _ = write!(text, "{}\n\n", self.heading(3, 6));
            }
            for _ in card_at.iter().filter(|&&at| at == p) {
                let card_title = self.heading(4, 7);
                let author = self.author();
                let teaser = self.sentence();
                let _ = write!(text, "{card_title}\n{author}\n{teaser}\n\n");
            }
            text.push_str(&self.paragraph());
            text.push('\n');
            if p + 1 < paragraphs {
                text.push('\n');
            }
        }
        text.push_str(&self.disclaimer);
        text.push('\n');
        let slug: Vec<String> = title
            .split(' ')
            .take(6)
            .map(|w| {
                w.chars()
                    .filter(char::is_ascii_alphanumeric)
                    .collect::<String>()
                    .to_ascii_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect();
        (format!("{i:05}-{}.txt", slug.join("-")), text)
    }
}

/// The word with its first letter in upper case.
fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// SplitMix64: a tiny, well-mixed PRNG; deterministic from its seed.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// In [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// In [0, n) (0 when n is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv(bytes: &[u8]) -> u64 {
    fnv_more(FNV_OFFSET, bytes)
}

fn fnv_more(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::Generator;

    const WORDS: &str = "alpha\nbeta\ngamma\ndelta\nepsilon\nzeta\neta\ntheta\nAlabama\ndon't\n";

    #[test]
    fn deterministic_and_mixed() {
        let make = || {
            let mut g = Generator::new(WORDS);
            (1..40).map(|i| g.article(i).1).collect::<Vec<_>>().concat()
        };
        let a = make();
        assert_eq!(a, make(), "the same bytes twice");
        assert!(
            !a.contains("Alabama") && !a.contains("don't"),
            "proper nouns and 's forms are skipped"
        );
        assert!(
            a.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)),
            "Cyrillic"
        );
        assert!(
            a.chars().any(|c| ('\u{ac00}'..='\u{d7a3}').contains(&c)),
            "Hangul"
        );
        assert!(a.contains("Views expressed are"), "the disclaimer");
    }
}
