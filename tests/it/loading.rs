//! A corpus in parts (src/corpus/loading.rs): the site's files added in any order make the
//! corpus they were written from; a query ranks from the head and the shards alone and
//! wants the text of the articles it shows; a part that is not the head's is refused with
//! the reason, and nothing of it is taken.

use crate::support::{fixture_bundle, fixture_corpus};
use article_explorer::corpus::loading::SiteFiles;
use article_explorer::index::file::LoadError;
use article_explorer::index::parts::CHUNK;
use article_explorer::Corpus;

/// The fixtures' site files, cut small: an article a chunk, shards of about 300 bytes.
fn site() -> SiteFiles {
    let bundle = fixture_bundle();
    let files = article_explorer::corpus::bundle::read(&bundle).unwrap();
    SiteFiles::with_sizes(&files, 1, 300).unwrap()
}

#[test]
fn parts_in_any_order_make_the_same_corpus() {
    let site = site();
    let whole = fixture_corpus();
    assert!(site.chunks.len() == whole.len() && site.shards.len() > 5);
    // Reversed, interleaved, and all shards as one piece.
    let mut corpus = Corpus::from_head(&site.head).unwrap();
    assert!(!corpus.complete());
    for k in (0..site.chunks.len()).rev() {
        corpus.add_chunk(k, &site.chunks[k]).unwrap();
        corpus.add_chunk(k, &site.chunks[k]).unwrap(); // twice: taken once
        if let Some(shard) = site.shards.get(k) {
            corpus.add_shards(k, shard).unwrap();
        }
    }
    corpus.add_shards(0, &site.shards.concat()).unwrap();
    assert!(corpus.complete());
    assert_eq!(corpus.articles(), whole.articles());
    assert_eq!(
        (0..whole.len() as u32)
            .map(|a| corpus.name(a))
            .collect::<Vec<_>>(),
        (0..whole.len() as u32)
            .map(|a| whole.name(a))
            .collect::<Vec<_>>()
    );
    for q in [
        "Seoul",
        "\"Moon Jae-in\"",
        "sanction",
        "Сеул",
        "korea -seoul",
        "sanctoins",
    ] {
        assert_eq!(corpus.search(q), whole.search(q), "{q}");
    }
    // Written again from the loaded corpus: the same files, byte for byte.
    let again = article_explorer::corpus::loading::index_of_chunks(&site.chunks, 300).unwrap();
    assert_eq!(again, (site.head.clone(), site.shards.clone()));
}

#[test]
fn the_head_and_shards_rank_every_article_the_text_only_shows_them() {
    let site = site();
    let whole = fixture_corpus();
    let mut corpus = Corpus::from_head(&site.head).unwrap();
    // Every article is listed at once: names, titles, ledes in the outline.
    assert_eq!(corpus.outline(), whole.outline());
    // A word query wants the shards of its terms and nothing else.
    let mut hits = corpus.hits("Seoul");
    assert_eq!(hits.len(), 0);
    let wanted = corpus.take_wanted();
    assert!(
        !wanted.is_empty() && wanted.iter().all(|w| w & CHUNK == 0),
        "{wanted:?}"
    );
    assert!(
        wanted.len() < site.shards.len(),
        "only the shards it needs: {wanted:?}"
    );
    for &k in &wanted {
        corpus
            .add_shards(k as usize, &site.shards[k as usize])
            .unwrap();
    }
    hits = corpus.hits("Seoul");
    let rows = hits.rows(0, 100);
    assert_eq!(corpus.take_wanted(), Vec::<u32>::new());
    assert_eq!(rows, whole.hits("Seoul").rows(0, 100));
    assert!(!rows.is_empty());
    // The best article's highlights want its chunk, and come with it.
    let best = rows[0].article;
    assert!(corpus.hit_fields(&hits, best).is_empty());
    assert_eq!(corpus.take_wanted(), [CHUNK | best]);
    corpus
        .add_chunk(best as usize, &site.chunks[best as usize])
        .unwrap();
    assert_eq!(
        corpus.hit_fields(&hits, best),
        whole.hit_fields(&whole.hits("Seoul"), best)
    );
    assert_eq!(corpus.take_wanted(), Vec::<u32>::new());
}

#[test]
fn a_part_that_is_not_the_heads_is_refused_with_its_reason() {
    let site = site();
    let mut corpus = Corpus::from_head(&site.head).unwrap();
    let part = |part, k, why| Err(LoadError::Part { part, k, why });
    let mut flipped = site.shards[1].clone();
    flipped[3] ^= 1;
    let differs = "it is not the head's (its digest differs)";
    assert_eq!(corpus.add_shards(1, &flipped), part("shard", 1, differs));
    assert!(matches!(
        corpus.add_shards(2, &site.shards[1]),
        Err(LoadError::Part {
            part: "shard",
            k: 2,
            ..
        })
    ));
    assert_eq!(
        corpus.add_shards(1, &site.shards[1][..5]),
        part("shard", 1, "it is truncated")
    );
    let n = site.shards.len();
    assert_eq!(
        corpus.add_shards(n, &site.shards[0]),
        part("shard", n, "there is no such shard")
    );
    let mut chunk = site.chunks[0].clone();
    let last = chunk.len() - 2;
    chunk[last] ^= 1;
    assert_eq!(corpus.add_chunk(0, &chunk), part("chunk", 0, differs));
    assert_eq!(
        corpus.add_chunk(1, &site.chunks[0]),
        part("chunk", 1, differs)
    );
    let m = site.chunks.len();
    assert_eq!(
        corpus.add_chunk(m, &site.chunks[0]),
        part("chunk", m, "there is no such chunk")
    );
    // Nothing refused was taken: the corpus still wants those parts.
    assert!(!corpus.index().parts().shard_is_here(1));
    assert!(!corpus.index().parts().chunk_is_here(0));
    assert!(!corpus.index().parts().chunk_is_here(1));
}
