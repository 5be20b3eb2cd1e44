//! The reuse network for Gephi and other graph tools: plans as nodes (with
//! id, title, county, city, province, level and year), reuse as weighted
//! edges, directed from source to target when the direction is known.
//! GraphML (one `directed` attribute per edge) and GEXF 1.3 (edges typed
//! `directed` or `undirected`).

use std::io::Write;

use crate::{Error, Report, Result};

/// Escapes text for XML attribute values and content.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

const NODE_KEYS: &[(&str, &str)] = &[
    ("title", "string"),
    ("county", "string"),
    ("city", "string"),
    ("province", "string"),
    ("level", "string"),
    ("year", "int"),
    ("issued", "string"),
    ("chars", "long"),
];

fn node_values(r: &Report, k: usize) -> Vec<(&'static str, String)> {
    let p = &r.plans[k];
    let mut v = vec![
        ("title", p.title.clone().unwrap_or_default()),
        ("county", p.county.clone().unwrap_or_default()),
        ("city", p.city.clone().unwrap_or_default()),
        ("province", p.province.clone().unwrap_or_default()),
        (
            "level",
            p.level.map(|l| l.as_str().to_string()).unwrap_or_default(),
        ),
    ];
    if let Some(y) = p.year {
        v.push(("year", y.to_string()));
    }
    v.push(("issued", p.issued.clone().unwrap_or_default()));
    v.push(("chars", p.chars.to_string()));
    v.retain(|(_, x)| !x.is_empty());
    v
}

fn io(what: &'static str) -> impl Fn(std::io::Error) -> Error {
    move |source| Error::Write { what, source }
}

/// Writes the network as GraphML.
pub fn write_graphml(report: &Report, out: &mut impl Write) -> Result<()> {
    let e = io("GraphML");
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
    for (k, t) in NODE_KEYS {
        s.push_str(&format!(
            "  <key id=\"{k}\" for=\"node\" attr.name=\"{k}\" attr.type=\"{t}\"/>\n"
        ));
    }
    for (k, t) in [
        ("weight", "double"),
        ("chars", "long"),
        ("passages", "int"),
        ("evidence", "string"),
        ("conflict", "boolean"),
        ("peer_copy", "boolean"),
    ] {
        s.push_str(&format!(
            "  <key id=\"{k}\" for=\"edge\" attr.name=\"{k}\" attr.type=\"{t}\"/>\n"
        ));
    }
    s.push_str("  <graph id=\"reuse\" edgedefault=\"directed\">\n");
    for (k, p) in report.plans.iter().enumerate() {
        s.push_str(&format!("    <node id=\"{}\">\n", esc(&p.id)));
        for (key, v) in node_values(report, k) {
            s.push_str(&format!("      <data key=\"{key}\">{}</data>\n", esc(&v)));
        }
        s.push_str("    </node>\n");
    }
    for (k, edge) in report.edges.iter().enumerate() {
        let (src, dst) = (
            &report.plans[edge.source as usize].id,
            &report.plans[edge.target as usize].id,
        );
        s.push_str(&format!(
            "    <edge id=\"e{k}\" source=\"{}\" target=\"{}\" directed=\"{}\">\n",
            esc(src),
            esc(dst),
            edge.directed
        ));
        s.push_str(&format!(
            "      <data key=\"weight\">{}</data>\n",
            edge.weight
        ));
        s.push_str(&format!(
            "      <data key=\"chars\">{}</data>\n",
            edge.target_chars
        ));
        s.push_str(&format!(
            "      <data key=\"passages\">{}</data>\n",
            edge.passages.len()
        ));
        s.push_str(&format!(
            "      <data key=\"evidence\">{}</data>\n",
            esc(&evidence(edge))
        ));
        s.push_str(&format!(
            "      <data key=\"conflict\">{}</data>\n",
            edge.conflict
        ));
        s.push_str(&format!(
            "      <data key=\"peer_copy\">{}</data>\n",
            edge.peer_copy.is_some()
        ));
        s.push_str("    </edge>\n");
    }
    s.push_str("  </graph>\n</graphml>\n");
    out.write_all(s.as_bytes()).map_err(e)
}

/// The deciding signal's name (`cites`, `issued`, `year`, `level`), or
/// `none`.
fn evidence(edge: &crate::Edge) -> String {
    use crate::direction::Evidence;
    match edge.evidence.first() {
        Some(Evidence::Cites { .. }) => "cites",
        Some(Evidence::Issued { .. }) => "issued",
        Some(Evidence::Year { .. }) => "year",
        Some(Evidence::Level { .. }) => "level",
        None => "none",
    }
    .to_string()
}

/// Writes the network as GEXF 1.3.
pub fn write_gexf(report: &Report, out: &mut impl Write) -> Result<()> {
    let e = io("GEXF");
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n");
    s.push_str("  <graph mode=\"static\" defaultedgetype=\"directed\">\n");
    s.push_str("    <attributes class=\"node\">\n");
    for (i, (k, t)) in NODE_KEYS.iter().enumerate() {
        let t = if *t == "int" { "integer" } else { t };
        s.push_str(&format!(
            "      <attribute id=\"{i}\" title=\"{k}\" type=\"{t}\"/>\n"
        ));
    }
    s.push_str("    </attributes>\n");
    s.push_str("    <attributes class=\"edge\">\n");
    s.push_str("      <attribute id=\"0\" title=\"chars\" type=\"long\"/>\n");
    s.push_str("      <attribute id=\"1\" title=\"passages\" type=\"integer\"/>\n");
    s.push_str("      <attribute id=\"2\" title=\"evidence\" type=\"string\"/>\n");
    s.push_str("      <attribute id=\"3\" title=\"conflict\" type=\"boolean\"/>\n");
    s.push_str("      <attribute id=\"4\" title=\"peer_copy\" type=\"boolean\"/>\n");
    s.push_str("    </attributes>\n");
    s.push_str("    <nodes>\n");
    for (k, p) in report.plans.iter().enumerate() {
        let label = p.title.as_deref().unwrap_or(&p.id);
        s.push_str(&format!(
            "      <node id=\"{}\" label=\"{}\">\n        <attvalues>\n",
            esc(&p.id),
            esc(label)
        ));
        for (key, v) in node_values(report, k) {
            let i = NODE_KEYS.iter().position(|(n, _)| *n == key).unwrap_or(0);
            s.push_str(&format!(
                "          <attvalue for=\"{i}\" value=\"{}\"/>\n",
                esc(&v)
            ));
        }
        s.push_str("        </attvalues>\n      </node>\n");
    }
    s.push_str("    </nodes>\n    <edges>\n");
    for (k, edge) in report.edges.iter().enumerate() {
        let (src, dst) = (
            &report.plans[edge.source as usize].id,
            &report.plans[edge.target as usize].id,
        );
        s.push_str(&format!(
            "      <edge id=\"{k}\" source=\"{}\" target=\"{}\" type=\"{}\" weight=\"{}\">\n",
            esc(src),
            esc(dst),
            if edge.directed {
                "directed"
            } else {
                "undirected"
            },
            edge.weight
        ));
        s.push_str("        <attvalues>\n");
        s.push_str(&format!(
            "          <attvalue for=\"0\" value=\"{}\"/>\n",
            edge.target_chars
        ));
        s.push_str(&format!(
            "          <attvalue for=\"1\" value=\"{}\"/>\n",
            edge.passages.len()
        ));
        s.push_str(&format!(
            "          <attvalue for=\"2\" value=\"{}\"/>\n",
            evidence(edge)
        ));
        s.push_str(&format!(
            "          <attvalue for=\"3\" value=\"{}\"/>\n",
            edge.conflict
        ));
        s.push_str(&format!(
            "          <attvalue for=\"4\" value=\"{}\"/>\n",
            edge.peer_copy.is_some()
        ));
        s.push_str("        </attvalues>\n      </edge>\n");
    }
    s.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out.write_all(s.as_bytes()).map_err(e)
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn escapes_xml() {
        assert_eq!(
            esc("《A&B》<\"x\">\u{1}"),
            "《A&amp;B》&lt;&quot;x&quot;&gt;"
        );
    }
}
