//! The seed corpus built into the binary, so `fangan` works from any folder
//! on a fresh machine. The files are the ones in the repository's `seeds/`.

/// (file name, contents) of each seed plan.
pub const SEEDS: &[(&str, &str)] = &[
    (
        "pingjiang-2023.txt",
        include_str!("../../../seeds/pingjiang-2023.txt"),
    ),
    (
        "pingjiang-2025.txt",
        include_str!("../../../seeds/pingjiang-2025.txt"),
    ),
    (
        "suining-2024.txt",
        include_str!("../../../seeds/suining-2024.txt"),
    ),
    (
        "xiangyin-2025.txt",
        include_str!("../../../seeds/xiangyin-2025.txt"),
    ),
    (
        "yueyanglou-2023.txt",
        include_str!("../../../seeds/yueyanglou-2023.txt"),
    ),
];

/// The seeds' manifest.
pub const MANIFEST: &str = include_str!("../../../seeds/manifest.toml");
