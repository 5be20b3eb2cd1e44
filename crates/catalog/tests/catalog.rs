//! The catalog on real plans in temporary folders: ingest, reopen, the
//! stored plans equal a fresh parse, incremental updates, ids, the
//! resolver, freshness and garbage.

use std::path::{Path, PathBuf};

use fangan_catalog::{Catalog, IngestRequest, Resolved, Resolver, Selection};
use fangan_ingest::corpus::load_file;
use fangan_ingest::parse::Parser;

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// A folder of plans (copies of the seeds, with their manifest) and an
/// index folder beside it.
fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir_all(plans.join("more")).unwrap();
    for e in std::fs::read_dir(seeds()).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("suining") {
            std::fs::copy(&p, plans.join("more").join(&name)).unwrap();
        } else {
            std::fs::copy(&p, plans.join(&name)).unwrap();
        }
    }
    let index = dir.path().join("index");
    (dir, plans, index)
}

fn ingest(index: &Path, paths: &[&Path], prune: bool) -> fangan_catalog::IngestReport {
    let mut c = Catalog::open_writable(index).unwrap();
    let req = IngestRequest {
        paths: paths.iter().map(|p| p.to_path_buf()).collect(),
        prune,
        ..IngestRequest::default()
    };
    c.ingest(&req, &mut |_| {}).unwrap()
}

#[test]
fn stored_plans_are_the_plans_as_parsed() {
    let (_d, plans, index) = setup();
    let r = ingest(&index, &[&plans], false);
    assert_eq!(r.added.len(), 5, "{r:?}");
    assert!(r.refused.is_empty());
    let c = Catalog::open(&index).unwrap();
    let ids: Vec<&str> = c.plans().map(|e| e.meta.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "more/suining-2024",
            "pingjiang-2023",
            "pingjiang-2025",
            "xiangyin-2025",
            "yueyanglou-2023"
        ]
    );
    // the stored plan is exactly what parsing the file gives (the manifest
    // of the folder applied)
    let stored = c.document("xiangyin-2025").unwrap();
    let mut fresh = load_file(&plans.join("xiangyin-2025.txt"), &Parser::new()).unwrap();
    fresh.source.hash = stored.source.hash.clone();
    fresh.source.path = stored.source.path.clone();
    assert_eq!(stored, fresh);
    let a = c.analysis("xiangyin-2025").unwrap();
    assert!(a.notes.len() > 50);
    assert!(!a.targets.is_empty());
}

#[test]
fn updates_are_incremental_and_gone_files_are_kept_or_pruned() {
    let (_d, plans, index) = setup();
    ingest(&index, &[&plans], false);
    let again = ingest(&index, &[], false);
    assert_eq!((again.unchanged, again.added.len()), (5, 0), "{again:?}");
    let f = plans.join("pingjiang-2025.txt");
    let mut text = std::fs::read_to_string(&f).unwrap();
    text.push_str("\n全力推进蓝莓深加工产业园建设。\n");
    std::fs::write(&f, text).unwrap();
    std::fs::remove_file(plans.join("yueyanglou-2023.txt")).unwrap();
    let c = Catalog::open(&index).unwrap();
    let stale = c.staleness();
    assert_eq!((stale.changed.len(), stale.gone.len()), (1, 1), "{stale:?}");
    let third = ingest(&index, &[], false);
    assert_eq!(third.replaced, ["pingjiang-2025"]);
    assert_eq!(third.gone, ["yueyanglou-2023"]);
    let fourth = ingest(&index, &[], true);
    assert_eq!(fourth.pruned, ["yueyanglou-2023"]);
    let c = Catalog::open(&index).unwrap();
    assert_eq!(c.plans().count(), 4);
    assert!(c.staleness().is_fresh());
    // only the files of the last commit are left in the store
    let store: Vec<String> = std::fs::read_dir(index.join("store"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let cats = store.iter().filter(|n| n.ends_with(".cat")).count();
    assert!(cats <= 2, "{store:?}");
}

#[test]
fn the_resolver_names_plans_by_id_place_year_title_and_file() {
    let (_d, plans, index) = setup();
    ingest(&index, &[&plans], false);
    let c = Catalog::open(&index).unwrap();
    let r = Resolver::new(&c);
    let id = |k: &str, y: Option<u16>| match r.plan(k, y).unwrap() {
        Resolved::Plan(e) => e.meta.id.clone(),
        Resolved::File(p) => p.display().to_string(),
    };
    assert_eq!(id("pingjiang-2023", None), "pingjiang-2023");
    assert_eq!(id("湘阴", None), "xiangyin-2025");
    assert_eq!(id("湘陰縣", None), "xiangyin-2025");
    assert_eq!(id("平江@2025", None), "pingjiang-2025");
    assert_eq!(id("平江", Some(2023)), "pingjiang-2023");
    // a place with one plan takes no year
    assert_eq!(id("湘阴", Some(2023)), "xiangyin-2025");
    assert_eq!(
        id(plans.join("more/suining-2024.txt").to_str().unwrap(), None),
        "more/suining-2024"
    );
    let e = r.plan("平江", None).unwrap_err().to_string();
    assert!(e.contains("names 2 plans"), "{e}");
    let e = r.plan("pingjiang-2024", None).unwrap_err().to_string();
    assert!(e.contains("closest: pingjiang-2023"), "{e}");
    let sel = Selection {
        county: Some("平江县".into()),
        ..Selection::default()
    };
    assert_eq!(c.select(&sel).unwrap().len(), 2);
    let bad = Selection {
        county: Some("平山".into()),
        ..Selection::default()
    };
    assert!(c.select(&bad).is_err());
}

#[test]
fn a_second_writer_is_told_who_holds_the_lock() {
    let (_d, plans, index) = setup();
    ingest(&index, &[&plans], false);
    let _held = fangan_index::lock::WriterLock::acquire(&index, "test holder").unwrap();
    let mut c = Catalog::open_writable(&index).unwrap();
    let e = c
        .ingest(&IngestRequest::default(), &mut |_| {})
        .unwrap_err()
        .to_string();
    assert!(e.contains("locked by") && e.contains("test holder"), "{e}");
}

#[test]
fn an_index_being_made_is_waited_for_and_a_dead_maker_is_made_again() {
    // several commands syncing one new index at once: every one opens it
    let d = tempfile::tempdir().unwrap();
    let index = d.path().join("index");
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| s.spawn(|| Catalog::open_writable(&index).map(|_| ())))
            .collect();
        for h in handles {
            h.join().unwrap().unwrap();
        }
    });
    // a maker killed between tantivy's meta.json and its first commit
    // leaves meta.json without fangan's payload: the index is made again
    let meta = index.join("meta.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&meta).unwrap()).unwrap();
    v.as_object_mut().unwrap().remove("payload");
    std::fs::write(&meta, v.to_string()).unwrap();
    let (_p, plans, _) = setup();
    let mut c = Catalog::open_writable(&index).unwrap();
    let req = IngestRequest {
        paths: vec![plans],
        ..IngestRequest::default()
    };
    c.ingest(&req, &mut |_| {}).unwrap();
    assert!(Catalog::open(&index).unwrap().plans().next().is_some());
}

#[test]
fn the_quick_check_lists_only_changed_folders_and_one_plan_is_read_alone() {
    let (_d, plans, index) = setup();
    ingest(&index, &[&plans], false);
    let c = Catalog::open(&index).unwrap();
    assert!(c.staleness().is_fresh());
    // one plan's entry without decoding the whole state
    let e = c.entry("xiangyin-2025").expect("an entry");
    assert_eq!(e.meta.id, "xiangyin-2025");
    assert!(!c.file_changed(e));
    assert_eq!(c.len(), 5);
    // a new subfolder with a plan in it: its parent's time changes
    std::fs::create_dir_all(plans.join("new/deeper")).unwrap();
    std::fs::copy(
        plans.join("xiangyin-2025.txt"),
        plans.join("new/deeper/copy-2025.txt"),
    )
    .unwrap();
    // a plan rewritten in place, its folder's time set back as it was
    let moved = plans.join("more");
    let before = std::fs::metadata(&moved).unwrap().modified().unwrap();
    let f = moved.join("suining-2024.txt");
    let mut text = std::fs::read_to_string(&f).unwrap();
    text.push_str("\n加快建设县域商业体系。\n");
    std::fs::write(&f, text).unwrap();
    std::fs::File::open(&moved)
        .unwrap()
        .set_modified(before)
        .unwrap();
    let c = Catalog::open(&index).unwrap();
    let stale = c.staleness();
    assert_eq!(
        stale.new,
        [plans.join("new/deeper/copy-2025.txt")],
        "{stale:?}"
    );
    assert!(stale.changed.is_empty(), "the folder's time is unchanged");
    let e = c.plans().find(|e| e.file.as_deref() == Some(&f)).unwrap();
    assert!(c.file_changed(e), "the plan's own file is checked");
}

#[test]
fn the_compact_units_and_headline_records_say_what_the_analysis_says() {
    let (_d, plans, index) = setup();
    ingest(&index, &[&plans], false);
    let c = Catalog::open(&index).unwrap();
    let entries: Vec<_> = c.plans().collect();
    assert!(entries
        .iter()
        .all(|e| e.units.is_some() && e.headline.is_some()));
    let folded = c
        .fold_note_units(
            &entries,
            Vec::new,
            |mut acc, e, notes| {
                for n in notes {
                    for u in n.units {
                        acc.push((e.meta.id.clone(), n.note_type, u.name, u.canonical, u.role));
                    }
                }
                acc
            },
            |mut a, b| {
                a.extend(b);
                a
            },
        )
        .unwrap();
    let mut whole = Vec::new();
    for e in &entries {
        for cl in c.analysis(&e.meta.id).unwrap().notes {
            for n in cl.notes {
                for u in n.units {
                    whole.push((e.meta.id.clone(), n.note_type, u.name, u.canonical, u.role));
                }
            }
        }
    }
    assert!(whole.len() > 50, "the seeds have notes");
    assert_eq!(folded, whole);
    let headline = c.map_targets(&entries, true, |_, ts| ts).unwrap();
    for (e, ts) in entries.iter().zip(headline) {
        let all = c.analysis(&e.meta.id).unwrap().targets;
        let want: Vec<_> = all.into_iter().filter(|t| t.found.headline).collect();
        assert_eq!(ts, want, "{}", e.meta.id);
    }
}
