fn main() {
    let args: Vec<String> = std::env::args().collect();
    let read = |p: &str| lockstep::load::read_page(std::path::Path::new(p)).unwrap();
    if args[3] == "mono" || args[3] == "cross" {
        let a = lockstep::parse::parse(&read(&args[1]));
        let b = lockstep::parse::parse(&read(&args[2]));
        let mode = if args[3] == "mono" { lockstep::align::Mode::Monolingual } else { lockstep::align::Mode::CrossLanguage };
        let sc = lockstep::align::Scorer::new(&a.segments, &b.segments, mode);
        if args.len() > 5 { let (i, j): (usize, usize) = (args[4].parse().unwrap(), args[5].parse().unwrap()); println!("{}", sc.score(i, j)); println!("{:?}\n{:?}", a.segments[i], b.segments[j]); return; }
        for (i, j) in lockstep::align::align(&a.segments, &b.segments, mode) {
            let s = match (i, j) { (Some(i), Some(j)) => sc.score(i, j), _ => -1.0 };
            let ta = i.map(|i| format!("{:?} {}", a.segments[i].lines, a.segments[i].raw.chars().take(50).collect::<String>())).unwrap_or_default();
            let tb = j.map(|j| format!("{:?} {}", b.segments[j].lines, b.segments[j].raw.chars().take(50).collect::<String>())).unwrap_or_default();
            println!("{s:.2}\t{ta:60}\t{tb}");
        }
        return;
    }
    let base = args.get(4).map(|p| read(p));
    let a = lockstep::align_pages(&read(&args[1]), &read(&args[2]), base.as_deref(), &args[3]);
    println!("{}", serde_json::to_string(&a).unwrap());
}
