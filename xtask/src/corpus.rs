//! The benchmark corpus: `cargo xtask corpus --articles N [--out DIR]` writes N articles
//! in the seed format (docs/format.md), deterministically — the same bytes on every run
//! with the same word list (docs/bench.md).
//!
//! Article 0 is the real seed, byte for byte. Every other article: a title, a lede, 6–14
//! long one-line paragraphs of sentences, one or two embedded cards in about half of them,
//! a short heading or two in about a third, and the seed's disclaimer glued to the last
//! paragraph. Each is written to parse into exactly that structure: word counts are exact
//! (a multi-word name counts as its words), so a lede stays within 40 words, a heading
//! within 12 and a card title within 20 (the tests check every rule).
//!
//! Words are Zipf-distributed (s = 1) over Debian's wamerican list
//! (`/usr/share/dict/american-english`: its lowercase a–z words of 2–14 letters, sorted,
//! deduplicated and ranked by a fixed shuffle, 30 English function words first — about a
//! third of running text, as in English prose), with domain names (countries, cities,
//! people, institutions; some of several words) at about 3 %, Russian words at about 2 %
//! and Korean words at about 1 %. About 15 kB an article: 100, 1,000 and 10,000 articles
//! are about 1.5, 15 and 150 MB.
//!
//! The bytes depend on the word list: its FNV-1a hash and the corpus's are printed, and
//! the list's is kept in the stamp file (`DIR/.stamp`); a folder whose stamp matches is
//! not written again. The only randomness is a SplitMix64 with fixed seeds.

use std::path::{Path, PathBuf};

use super::root;
use crate::steps::{Ctx, Step, Tool};

/// Bump when the output changes for the same word list.
const VERSION: u32 = 5;
/// English function words, given the first Zipf ranks in this order (those the word list
/// has): running text is about a third function words, as English prose is — so that
/// articles read as English to language detection (src/text/lang.rs) and are stemmed.
const FUNCTION_WORDS: [&str; 30] = [
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "with", "was", "on",
    "be", "by", "at", "this", "are", "from", "or", "an", "which", "have", "has", "not", "but",
    "its", "their", "will",
];
const WORDS: &str = crate::tools::WORD_LIST;
/// Article 0, copied byte for byte (as `00000-<its name without the number>`).
const SEED: &str = "seeds/000-todays-prospects-for-russian-south-korean-relations.txt";
const DISCLAIMER: &str = "Views expressed are";

/// The shares of running words that are domain names, Russian and Korean words.
const DOMAIN_SHARE: f64 = 0.03;
const CYRILLIC_SHARE: f64 = 0.02;
const HANGUL_SHARE: f64 = 0.01;
/// The chance of a comma after a word inside a sentence or lede.
const COMMA_SHARE: f64 = 0.07;
/// Buckets of the Zipf sampler's guide table.
const GUIDE: usize = 1 << 16;

/// Countries, cities, people and institutions, separated by ", ".
const DOMAIN: &str = "\
    Russia, South Korea, North Korea, Republic of Korea, Korean Peninsula, Japan, China, \
    Mongolia, Kazakhstan, Vietnam, United States, India, Sea of Japan, Moscow, Seoul, \
    Pyongyang, Vladivostok, Busan, Tokyo, Beijing, Khabarovsk, Incheon, Washington, \
    Nakhodka, Rason, Moon Jae-in, Vladimir Putin, Yoon Suk-yeol, Kim Jong-un, \
    Park Geun-hye, Lee Myung-bak, Sergey Lavrov, Kang Kyung-wha, Georgy Toloraya, \
    Lee Jae-Young, Eastern Economic Forum, Eurasian Economic Union, EAEU, \
    Valdai Discussion Club, Trans-Korean Railway, Trans-Siberian Railway, \
    Northern Sea Route, New Northern Policy, Korea Institute for International Economic Policy, \
    KIEP, ASEAN, APEC, United Nations, Security Council, Far East, Arctic, Siberia, Primorye";

/// Russian words in various inflections, separated by spaces.
const CYRILLIC: &str = "\
    санкции санкций санкциями санкциях экономика экономики экономике экономику \
    экономический экономического экономическое Москва Москвы Москве Москву Москвой \
    Сеул Сеула Сеуле Сеулом Пхеньян Пхеньяна Пхеньяне сотрудничество сотрудничества \
    сотрудничеству сотрудничеством политика политики политике политику политический \
    политического торговля торговли торговле торговлю Россия России Россией российский \
    российского российских Корея Кореи Корее Корею корейский корейского корейских \
    безопасность безопасности диалог диалога диалоге отношения отношений отношениях \
    отношениями переговоры переговоров переговорах регион региона регионе регионов \
    региональный развитие развития развитии инвестиции инвестиций инвестициями \
    газопровод газопровода железная железной дорога дороги дороге проект проекта проекты \
    проектов форум форума форуме Владивосток Владивостока Владивостоке Дальний Дальнего \
    Восток Востока Востоке правительство правительства правительством президент \
    президента президентом министр министра министерство страна страны странами стран \
    граница границы границе энергетика энергетики энергетический рынок рынка рынке рынки \
    договор договора договоре кризис кризиса кризисе союз союза союзник союзники \
    союзников партнёр партнёра партнёры партнёрство партнёрства ёмкость йод интерес \
    интересы интересов стратегия стратегии стратегический перспективы перспектив \
    влияние влияния решение решения решений полуостров полуострова ядерный ядерной \
    ядерного разоружение саммит саммита встреча встречи встрече давление давления Путин \
    Путина Север Юг Северная Южная Северной Южной мир мира мирный мирного визит визита \
    визите заявление заявил заявила подчеркнул отметил соглашение соглашения экспорт \
    импорт товарооборот товарооборота компании компаний бизнес бизнеса технологии \
    технологий судостроение рыболовство эксперт эксперты экспертов вопрос вопросы \
    вопросов условия условиях ситуация ситуации позиция позиции уровень уровне год года \
    году новый новые новых важный также однако поэтому который которые между после против";

/// Korean words, some with their particles, separated by spaces.
const HANGUL: &str = "\
    서울 서울과 서울의 서울에서 한국 한국은 한국의 한국과 대한민국 북한 북한의 북한은 러시아 \
    러시아와 러시아의 러시아는 모스크바 모스크바에서 평양 평양의 경제 경제적 경제협력 협력 \
    협력을 협력의 대화 대화를 대화의 정부 정부는 정부의 대통령 대통령은 대통령의 외교 외교부 \
    외교적 안보 안보리 제재 제재를 제재의 무역 무역을 투자 투자를 철도 철도를 가스관 에너지 \
    지역 지역의 관계 관계를 관계의 정책 정책을 회담 회담에서 정상회담 발표 발표했다 거부했다 \
    동의했다 강조했다 밝혔다 블라디보스토크 극동 극동의 동방경제포럼 문재인 윤석열 푸틴 김정은 \
    남북 남북한 통일 평화 평화적 미래 가능성 전망 시장 기업 기업들 프로젝트 한반도 한반도의 \
    비핵화 미국 미국의 중국 중국의 일본 일본의 유라시아 국제 국가 국가들 문제 문제를 상황 \
    입장 전략 전략적 발전 개발 물류 항구 조선 수산업 기술 전문가 연구소";

const FIRST_NAMES: &str = "\
    Georgy Anna Ivan Elena Dmitry Olga Sergey Maria Alexander Natalia Jae-Young Min-jun \
    Seo-yeon Ji-ho Hyun-woo Andrei Svetlana Pavel Irina Yuri Tatiana Viktor Daniel Sarah \
    James Emily";
const LAST_NAMES: &str = "\
    Toloraya Lee Kim Park Choi Ivanov Petrova Smirnov Kuznetsova Sokolov Lukin Zhebin \
    Asmolov Kortunov Timofeev Suslov Jung Kang Yoon Han Morozov Volkova Novikov Fedorova \
    Bordachev Karaganov O'Neill";
/// Middle initials some authors have (`Anna V. Petrova`).
const INITIALS: &str = "ABDEGIKLMNPRSTVY";

/// `corpus --articles N [--out DIR]`.
pub fn command(args: &[String]) -> Result<Vec<Step>, String> {
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
                        .ok()
                        .filter(|&n| n > 0)
                        .ok_or(format!("--articles {value}: not a positive number"))?,
                );
            }
            "--out" => out = Some(root().join(value)),
            other => return Err(format!("unknown corpus option {other}")),
        }
    }
    let n = articles.ok_or("usage: cargo xtask corpus --articles N [--out DIR]")?;
    let out = out.unwrap_or_else(|| default_dir(n));
    Ok(vec![Step::task("corpus", &[Tool::WordList], move |ctx| {
        ensure(ctx, n, &out)
    })])
}

/// Where the corpus of `n` articles goes by default: target/corpus/N.
pub fn default_dir(n: usize) -> PathBuf {
    root().join("target/corpus").join(n.to_string())
}

/// Writes the corpus of `n` articles into `out`, unless its stamp says it is there.
/// Replaces a folder that holds an older corpus; refuses to clear any other folder.
pub fn ensure(ctx: &Ctx, n: usize, out: &Path) -> Result<(), String> {
    ctx.need(Tool::WordList)?;
    let words_text = std::fs::read_to_string(WORDS)
        .map_err(|e| format!("cannot read {WORDS}: {e} (cargo xtask setup installs wamerican)"))?;
    let words_hash = fnv(FNV_OFFSET, words_text.as_bytes());
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
    clear(out)?;
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;

    let seed_path = root().join(SEED);
    let seed = std::fs::read_to_string(&seed_path)
        .map_err(|e| format!("cannot read {}: {e}", seed_path.display()))?;
    let seed_name = SEED
        .rsplit('/')
        .next()
        .and_then(|name| name.split_once('-'))
        .map_or("seed.txt", |(_, rest)| rest);
    let disclaimer = seed
        .lines()
        .map(str::trim)
        .find(|line| line.starts_with(DISCLAIMER))
        .ok_or(format!("{SEED} has no line beginning with {DISCLAIMER:?}"))?;

    let mut generator = Generator::new(&words_text, disclaimer);
    let mut bytes = 0usize;
    let mut hash = FNV_OFFSET;
    let mut text = String::new();
    for i in 0..n {
        let name = if i == 0 {
            text.clear();
            text.push_str(&seed);
            format!("00000-{seed_name}")
        } else {
            generator.article(i, &mut text)
        };
        bytes += text.len();
        hash = fnv(fnv(hash, name.as_bytes()), text.as_bytes());
        let path = out.join(&name);
        std::fs::write(&path, &text)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    std::fs::write(&stamp_path, &stamp).map_err(|e| format!("cannot write the stamp: {e}"))?;
    eprintln!(
        "xtask: wrote {n} articles, {:.1} MB, into {} in {:.1} s (word list {WORDS}: \
         {words_hash:016x}, {} words used; corpus {hash:016x})",
        bytes as f64 / 1e6,
        out.display(),
        start.elapsed().as_secs_f64(),
        generator.vocab.len()
    );
    Ok(())
}

/// Removes `out` if it is a corpus folder (only `*.txt` files and `.stamp`); an error if
/// it holds anything else, so a mistyped `--out` never deletes other files.
fn clear(out: &Path) -> Result<(), String> {
    let entries = match std::fs::read_dir(out) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(format!("cannot read {}: {e}", out.display())),
    };
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", out.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if !is_file || !(name.ends_with(".txt") || name == ".stamp") {
            return Err(format!(
                "{} is not a corpus folder (it holds {name}): remove it or choose another --out",
                out.display()
            ));
        }
    }
    std::fs::remove_dir_all(out).map_err(|e| format!("cannot clear {}: {e}", out.display()))
}

/// The article generator: the PRNG, the ranked vocabulary and the built-in lists.
struct Generator<'a> {
    rng: SplitMix64,
    /// The vocabulary, most frequent first.
    vocab: Vec<&'a str>,
    /// Zipf's cumulative weights of the ranks; the last is the total.
    cumulative: Vec<f64>,
    /// For each of `GUIDE` equal slices of [0, total): the first rank it can fall on.
    guide: Vec<u32>,
    domain: Vec<&'static str>,
    cyrillic: Vec<&'static str>,
    hangul: Vec<&'static str>,
    first_names: Vec<&'static str>,
    last_names: Vec<&'static str>,
    disclaimer: &'a str,
}

impl<'a> Generator<'a> {
    fn new(words_text: &'a str, disclaimer: &'a str) -> Generator<'a> {
        let mut vocab: Vec<&str> = words_text
            .lines()
            .filter(|w| (2..=14).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase()))
            .collect();
        vocab.sort_unstable();
        vocab.dedup();
        if vocab.is_empty() {
            vocab.push("word");
        }
        // A fixed shuffle ranks them (Fisher–Yates), then the function words go first.
        let mut rng = SplitMix64(0x5eed_a11c_e5ea_2c4e);
        for i in (1..vocab.len()).rev() {
            let j = rng.below(i + 1);
            vocab.swap(i, j);
        }
        let mut rank = 0;
        for word in FUNCTION_WORDS {
            if let Some(at) = vocab.iter().position(|w| *w == word) {
                vocab.swap(rank, at);
                rank += 1;
            }
        }
        let mut total = 0.0;
        let cumulative: Vec<f64> = (0..vocab.len())
            .map(|rank| {
                total += 1.0 / (rank as f64 + 1.0);
                total
            })
            .collect();
        let mut guide = Vec::with_capacity(GUIDE);
        let mut rank = 0;
        for slice in 0..GUIDE {
            while rank + 1 < cumulative.len() && bucket(cumulative[rank], total) < slice {
                rank += 1;
            }
            guide.push(rank as u32);
        }
        let list = |text: &'static str, separator: &str| -> Vec<&'static str> {
            text.split(separator)
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .collect()
        };
        Generator {
            rng: SplitMix64(0x0a27_1c1e_5eed_0003),
            vocab,
            cumulative,
            guide,
            domain: list(DOMAIN, ","),
            cyrillic: list(CYRILLIC, " "),
            hangul: list(HANGUL, " "),
            first_names: list(FIRST_NAMES, " "),
            last_names: list(LAST_NAMES, " "),
            disclaimer,
        }
    }

    /// Article `i` into `text` (cleared first); returns its file name.
    fn article(&mut self, i: usize, text: &mut String) -> String {
        text.clear();
        let n = self.between(5, 12);
        self.phrase(text, n, true, false);
        let title_end = text.len();
        text.push_str("\n\n");
        let n = self.between(12, 30);
        self.phrase(text, n, false, true);
        text.push_str("\n\n");

        let paragraphs = self.between(6, 14);
        let card_at = self.places(0.5, paragraphs);
        let heading_at = self.places(0.3, paragraphs);
        for p in 0..paragraphs {
            for _ in heading_at.iter().filter(|&&at| at == p) {
                let n = self.between(3, 8);
                self.phrase(text, n, true, false);
                text.push_str("\n\n");
            }
            for _ in card_at.iter().filter(|&&at| at == p) {
                let n = self.between(4, 10);
                self.phrase(text, n, true, false);
                text.push('\n');
                self.author(text);
                text.push('\n');
                for s in 0..self.between(1, 2) {
                    if s > 0 {
                        text.push(' ');
                    }
                    self.sentence(text);
                }
                text.push_str("\n\n");
            }
            self.paragraph(text);
            text.push('\n');
            if p + 1 < paragraphs {
                text.push('\n');
            }
        }
        text.push_str(self.disclaimer);
        text.push('\n');

        let slug: Vec<String> = text[..title_end]
            .split(' ')
            .map(|w| {
                w.chars()
                    .filter(char::is_ascii_alphanumeric)
                    .collect::<String>()
                    .to_ascii_lowercase()
            })
            .filter(|w| !w.is_empty())
            .take(6)
            .collect();
        let slug = if slug.is_empty() {
            "article".to_owned()
        } else {
            slug.join("-")
        };
        format!("{i:05}-{slug}.txt")
    }

    /// A paragraph: sentences until it has 100–270 words (about 15 kB an article, with a
    /// third of the words short function words).
    fn paragraph(&mut self, text: &mut String) {
        let target = self.between(100, 270);
        let mut words = 0;
        while words < target {
            if words > 0 {
                text.push(' ');
            }
            words += self.sentence(text);
        }
    }

    /// A sentence of 8–30 words, some commas, capitalised, ending with a full stop;
    /// returns its word count.
    fn sentence(&mut self, text: &mut String) -> usize {
        let n = self.between(8, 30);
        self.phrase(text, n, false, true);
        text.push('.');
        n
    }

    /// Exactly `n` whitespace-separated words, the first capitalised, every one when
    /// `title`: a multi-word name counts as its words and is drawn again when it would not
    /// fit. Commas after some words when `commas`; no punctuation at either end.
    fn phrase(&mut self, text: &mut String, n: usize, title: bool, commas: bool) {
        let mut count = 0;
        while count < n {
            let (word, words) = self.word();
            if count + words > n {
                continue;
            }
            if count > 0 {
                text.push(' ');
            }
            if title || count == 0 {
                push_capitalised(text, word);
            } else {
                text.push_str(word);
            }
            count += words;
            if commas && count < n && self.rng.unit() < COMMA_SHARE {
                text.push(',');
            }
        }
    }

    /// One pick of running text and its number of words (several for some names).
    fn word(&mut self) -> (&'a str, usize) {
        let r = self.rng.unit();
        if r < DOMAIN_SHARE {
            let name = self.pick(Lists::Domain);
            (name, 1 + name.bytes().filter(|&b| b == b' ').count())
        } else if r < DOMAIN_SHARE + CYRILLIC_SHARE {
            (self.pick(Lists::Cyrillic), 1)
        } else if r < DOMAIN_SHARE + CYRILLIC_SHARE + HANGUL_SHARE {
            (self.pick(Lists::Hangul), 1)
        } else {
            (self.zipf(), 1)
        }
    }

    /// A Zipf-distributed vocabulary word.
    fn zipf(&mut self) -> &'a str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = self.rng.unit() * total;
        self.vocab[self.rank(x)]
    }

    /// The first rank whose cumulative weight reaches `x` (or the last): searched from the
    /// guide table's start for `x`'s slice, a few steps instead of a binary search.
    fn rank(&self, x: f64) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let slice = bucket(x, total).min(GUIDE - 1);
        let mut rank = self.guide.get(slice).map_or(0, |&r| r as usize);
        let last = self.cumulative.len() - 1;
        while rank < last && self.cumulative[rank] < x {
            rank += 1;
        }
        rank
    }

    /// A uniformly chosen entry of a built-in list.
    fn pick(&mut self, which: Lists) -> &'static str {
        let list = match which {
            Lists::Domain => &self.domain,
            Lists::Cyrillic => &self.cyrillic,
            Lists::Hangul => &self.hangul,
            Lists::FirstNames => &self.first_names,
            Lists::LastNames => &self.last_names,
        };
        let i = self.rng.below(list.len());
        list.get(i).copied().unwrap_or("word")
    }

    /// An author line: a first name, sometimes a middle initial, a last name.
    fn author(&mut self, text: &mut String) {
        text.push_str(self.pick(Lists::FirstNames));
        if self.rng.unit() < 0.15 {
            let i = self.rng.below(INITIALS.len());
            text.push(' ');
            text.push_str(&INITIALS[i..=i]);
            text.push('.');
        }
        text.push(' ');
        text.push_str(self.pick(Lists::LastNames));
    }

    /// Uniform in `low..=high`.
    fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.rng.below(high + 1 - low)
    }

    /// With probability `chance`, one or two paragraph numbers in `1..paragraphs` (where
    /// a card or a heading goes before that paragraph); else none.
    fn places(&mut self, chance: f64, paragraphs: usize) -> Vec<usize> {
        let n = if self.rng.unit() < chance {
            self.between(1, 2)
        } else {
            0
        };
        (0..n).map(|_| self.between(1, paragraphs - 1)).collect()
    }
}

/// The built-in lists.
#[derive(Clone, Copy)]
enum Lists {
    Domain,
    Cyrillic,
    Hangul,
    FirstNames,
    LastNames,
}

/// The guide table's slice of `x` in [0, total): monotonic in `x`, so the first rank whose
/// cumulative weight falls in a slice at or after a draw's is never past the draw's rank.
fn bucket(x: f64, total: f64) -> usize {
    (x / total * GUIDE as f64) as usize
}

/// `word` with its first letter in upper case.
fn push_capitalised(text: &mut String, word: &str) {
    let mut chars = word.chars();
    if let Some(c) = chars.next() {
        text.extend(c.to_uppercase());
        text.push_str(chars.as_str());
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

/// FNV-1a 64, continued from `hash`.
fn fnv(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::{Generator, DISCLAIMER, WORDS};

    const TOY_WORDS: &str =
        "alpha\nbeta\ngamma\ndelta\nepsilon\nzeta\neta\ntheta\nAlabama\ndon't\ncafé\n";
    const SEED_DISCLAIMER: &str = "Views expressed are of individual Members and Contributors, \
                                   rather than the Club's, unless explicitly stated otherwise.";

    fn articles(words: &str, n: usize) -> Vec<(String, String)> {
        let mut g = Generator::new(words, SEED_DISCLAIMER);
        (1..=n)
            .map(|i| {
                let mut text = String::new();
                let name = g.article(i, &mut text);
                (name, text)
            })
            .collect()
    }

    #[test]
    fn deterministic_and_mixed() {
        let a = articles(TOY_WORDS, 3);
        assert_eq!(a, articles(TOY_WORDS, 3), "the same bytes twice");
        let all: String = a.iter().map(|(_, text)| text.as_str()).collect();
        for skipped in ["Alabama", "don't", "café"] {
            assert!(!all.contains(skipped), "{skipped} is not a vocabulary word");
        }
        assert!(
            all.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)),
            "Cyrillic"
        );
        assert!(
            all.chars().any(|c| ('\u{ac00}'..='\u{d7a3}').contains(&c)),
            "Hangul"
        );
        assert!(a[0].0.starts_with("00001-") && a[2].0.starts_with("00003-"));
    }

    /// With Debian's word list, where installed (`cargo xtask setup`).
    #[test]
    fn deterministic_with_the_word_list() {
        let Ok(words) = std::fs::read_to_string(WORDS) else {
            eprintln!("skipped: no {WORDS}");
            return;
        };
        let a = articles(&words, 3);
        assert_eq!(a, articles(&words, 3), "the same bytes twice");
        let average = a.iter().map(|(_, text)| text.len()).sum::<usize>() / a.len();
        assert!(
            (5_000..30_000).contains(&average),
            "{average} bytes an article"
        );
    }

    /// Every article follows docs/format.md's rules for the structure it is written with.
    #[test]
    fn articles_have_the_intended_shape() {
        for (name, text) in articles(TOY_WORDS, 400) {
            shape(&text).unwrap_or_else(|e| panic!("{name}: {e}\n{text}"));
        }
    }

    #[test]
    fn the_shape_check_rejects_broken_articles() {
        let (_, good) = articles(TOY_WORDS, 1).remove(0);
        assert_eq!(shape(&good), Ok(()));
        let lede = good.split("\n\n").nth(1).unwrap_or_default();
        let broken = [
            good.replacen(lede, &format!("{lede}."), 1),
            good.replacen("\n\n", "\n", 1),
            good.replace(SEED_DISCLAIMER, "The end."),
            good.trim_end().to_owned(),
            format!("{good}\nEpilogue\nAnna 2 Lee\nAn author with a digit.\n"),
        ];
        for text in broken {
            assert!(shape(&text).is_err(), "{text}");
        }
    }

    #[test]
    fn the_guide_table_finds_the_binary_search_rank() {
        let vocab: String = (0..5000u32)
            .map(|i| {
                let word: String = i
                    .to_string()
                    .chars()
                    .map(|d| (b'a' + d as u8 - b'0') as char)
                    .collect();
                format!("q{word}\n")
            })
            .collect();
        let g = Generator::new(&vocab, SEED_DISCLAIMER);
        assert_eq!(g.vocab.len(), 5000);
        let total = g.cumulative[4999];
        let mut rng = super::SplitMix64(7);
        let mut xs: Vec<f64> = (0..100_000).map(|_| rng.unit() * total).collect();
        xs.extend(g.cumulative.iter().take(200).copied());
        xs.extend([0.0, total, total * 0.999_999_9]);
        for x in xs {
            let expected = g.cumulative.partition_point(|&c| c < x).min(4999);
            assert_eq!(g.rank(x), expected, "x = {x}");
        }
    }

    fn words(line: &str) -> usize {
        line.split_whitespace().count()
    }

    fn shape(text: &str) -> Result<(), String> {
        if !text.ends_with('\n') || text.contains('\r') || text.contains("\n\n\n") {
            return Err("not LF lines with a final newline and single blank lines".into());
        }
        let blocks: Vec<Vec<&str>> = text
            .trim_end_matches('\n')
            .split("\n\n")
            .map(|b| b.split('\n').collect())
            .collect();
        for line in blocks.iter().flatten() {
            if line.is_empty() || line.trim() != *line {
                return Err(format!("untrimmed line {line:?}"));
            }
        }
        let (title, lede, last) = match blocks.as_slice() {
            [t, l, .., last] if t.len() == 1 && l.len() == 1 && blocks.len() > 3 => {
                (t[0], l[0], last)
            }
            _ => return Err("no title and lede blocks".into()),
        };
        if title.ends_with('.') || words(lede) > 40 || lede.ends_with(['.', '!']) {
            return Err(format!("title {title:?} or lede {lede:?}"));
        }
        let mut paragraphs = 0;
        for (i, block) in blocks.iter().enumerate().skip(2) {
            for (j, line) in block.iter().enumerate() {
                if line.starts_with(DISCLAIMER) != (i + 1 == blocks.len() && j == 1) {
                    return Err(format!("disclaimer misplaced: {line:?}"));
                }
            }
            match block.as_slice() {
                [p] if p.ends_with('.') && words(p) >= 80 => paragraphs += 1,
                [h] if words(h) <= 12 && !h.ends_with(['.', '!', '?', ':', ';', ',']) => {}
                [title, author, teaser] if i + 1 < blocks.len() => {
                    if words(title) > 20 || title.ends_with('.') || teaser.is_empty() {
                        return Err(format!("card title {title:?}"));
                    }
                    author_line(author)?;
                }
                [p, _] if i + 1 == blocks.len() && p.ends_with('.') => paragraphs += 1,
                _ => return Err(format!("unexpected block {block:?}")),
            }
        }
        if last.len() != 2 || !(6..=14).contains(&paragraphs) {
            return Err(format!("{paragraphs} paragraphs, last block {last:?}"));
        }
        Ok(())
    }

    fn author_line(author: &str) -> Result<(), String> {
        let ok = (2..=5).contains(&words(author))
            && author.chars().count() <= 60
            && author
                .split(' ')
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && author
                .chars()
                .all(|c| c.is_alphabetic() || " -'.".contains(c))
            && author.chars().last().is_some_and(char::is_alphabetic);
        if ok {
            Ok(())
        } else {
            Err(format!("author {author:?}"))
        }
    }
}
