//! Restricting a comparison to a topic (`--topic 投资`): a clause is on
//! the topic when its text, or the heading of a clause above it, contains
//! the words (folded: width, traditional characters and spaces ignored);
//! or to a part of the plan (`--section 二`): the clauses at or under a
//! path.

use fangan_model::{fold, ClauseId, Document};

/// True when clause `id` of `doc` is on `topic`.
pub fn on_topic(doc: &Document, id: ClauseId, topic: &str) -> bool {
    let want = fold::fold_str(topic);
    if want.is_empty() {
        return true;
    }
    let c = &doc.clauses[id];
    if fold::fold_str(&c.text).contains(&want) {
        return true;
    }
    let mut up = c.parent;
    while let Some(p) = up {
        let pc = &doc.clauses[p];
        if fold::fold_str(&crate::unit::heading_of(pc)).contains(&want) {
            return true;
        }
        up = pc.parent;
    }
    false
}

/// True when clause `id` of `doc` is at or under the path `section`
/// (`附件1`, `二`, `附件1/二`; folded as paths are in the index).
pub fn under(doc: &Document, id: ClauseId, section: &str) -> bool {
    let want = fold::fold_str(section.trim_end_matches('/'));
    let path = fold::fold_str(&doc.clauses[id].path);
    path == want || path.starts_with(&format!("{want}/"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::plan;
    use fangan_model::Level;

    #[test]
    fn a_heading_above_puts_children_on_the_topic() {
        let doc = plan(
            "p",
            &[
                ("二", Level::Section, "二、工作任务"),
                ("二/（一）", Level::Group, "（一）着力扩大有效投资。"),
                ("二/（一）/1", Level::Task, "1. 推进重大项目。"),
                ("二/（二）", Level::Group, "（二）提振消费。"),
                ("二/（二）/1", Level::Task, "1. 举办美食节。"),
            ],
        );
        let hits: Vec<bool> = (0..5).map(|i| on_topic(&doc, i, "投资")).collect();
        assert_eq!(hits, vec![false, true, true, false, false]);
        assert!(on_topic(&doc, 4, "美 食"));
        let under_one: Vec<bool> = (0..5).map(|i| under(&doc, i, "二/（一）/")).collect();
        assert_eq!(under_one, vec![false, true, true, false, false]);
        assert!(under(&doc, 4, "二/(二)"));
    }
}
