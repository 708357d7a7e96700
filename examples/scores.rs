fn main() {
    let dir = twinbot::data::Directory::load(&["data/leeds.toml".into()]).unwrap();
    for q in std::env::args().skip(1) {
        let r = dir.matcher().rank(&q, 0.0);
        let top: Vec<String> = r
            .iter()
            .take(3)
            .map(|c| format!("{}:{:.3}({:?} via {})", dir.partners[c.partner].name, c.score, c.how, c.via))
            .collect();
        println!("{q:12} {}", top.join("  "));
    }
}
