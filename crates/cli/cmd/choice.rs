//! The flags that choose plans (`--plan`, `--county`, `--year`), shared by
//! the commands that read many plans.

use fangan_catalog::Selection;

/// Which plans a command reads.
#[derive(Debug, clap::Args)]
pub struct PlanChoice {
    /// Only this plan (an id such as `pingjiang-2023`); repeat for several.
    #[arg(long = "plan", value_name = "ID")]
    pub plans: Vec<String>,
    /// Only plans of this county or district (`平江`, `平江县`).
    #[arg(long, value_name = "NAME")]
    pub county: Option<String>,
    /// Only plans of this year.
    #[arg(long)]
    pub year: Option<u16>,
}

impl PlanChoice {
    /// The catalog selection these flags make.
    pub fn selection(&self) -> Selection {
        Selection {
            county: self.county.clone(),
            years: self.year.map(|y| (y, y)),
            plans: self.plans.clone(),
            ..Selection::default()
        }
    }
}
