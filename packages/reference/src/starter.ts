import { fileURLToPath } from "node:url";

/**
 * The starter dataset: public figures as their publishers released them, copied into the project (data/README.md
 * gives their provenance and terms), loaded through the import pipeline like any file so a first start shows real
 * promised, allocated and delivered figures. Each file's SHA-256 is part of the dataset's version.
 */
export interface StarterFile {
  /** The import format that reads it (the importers' format id), or the ECB's rates layout. */
  format: "ecb-rates" | "kiel-data-explorer" | "kiel-weapons" | "sipri-trade-register";
  /** The file's name as shipped, and its path on this machine. */
  name: string;
  path: string;
  sha256: string;
}

const file = (name: string) => fileURLToPath(new URL(`../data/${name}`, import.meta.url));

/** Kiel's release label, period and date, read by the Kiel formats from this file. */
export const starterKielReleaseInfo = file("kiel-release-29/release_info.csv");

/** In load order: the rates first, so each figure is converted as it arrives. */
export const starterFiles: readonly StarterFile[] = [
  {
    format: "ecb-rates",
    name: "ecb/eurofxref-hist.csv",
    path: file("ecb/eurofxref-hist.csv"),
    sha256: "729e74c341288f4b07251fddcd8e5b604964e7b2d775920e442ba4dcf2e4ce4c",
  },
  {
    format: "kiel-data-explorer",
    name: "kiel-release-29/data_explorer.csv",
    path: file("kiel-release-29/data_explorer.csv"),
    sha256: "4769d78ddb5af2b015d65ee9061efb462b06a8fa86e11e036ac33b8541a6d638",
  },
  {
    format: "kiel-weapons",
    name: "kiel-release-29/weapons.csv",
    path: file("kiel-release-29/weapons.csv"),
    sha256: "fbf27131d6c5124d12d6440aa252a7d1a5c1ff60a1e7ac41694bbdcf52f20015",
  },
  {
    format: "sipri-trade-register",
    name: "sipri/trade-register-ukraine.csv",
    path: file("sipri/trade-register-ukraine.csv"),
    sha256: "21d3ace1d1932d183b0233c6852d955dbf42c85a4c33dda103e3b2cf7c7abaca",
  },
];

/** The starter dataset's version: a change to any file is a new version, loaded again over the old. */
export const starterVersion = `starter-${starterFiles.map((f) => f.sha256.slice(0, 8)).join("")}`;
