fn main() {
    let path = std::env::args().nth(1).unwrap();
    let head = std::fs::read(&path).unwrap();
    for _ in 0..30 {
        let t = std::time::Instant::now();
        let d = article_explorer::hash::digest(&head);
        let t1 = t.elapsed();
        let c = article_explorer::Corpus::from_head(&head).unwrap();
        let t2 = t.elapsed();
        let v = vec![0u8; 57_000_000];
        let t3 = t.elapsed();
        eprintln!(
            "digest {:?} from_head {:?} zero57 {:?} ({} {} {})",
            t1,
            t2 - t1,
            t3 - t2,
            d,
            c.len(),
            v.len()
        );
    }
}
