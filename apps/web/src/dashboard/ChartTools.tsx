import { useId, useState } from "react";
import { useLang, useMessages } from "../i18n/index.ts";
import { type ChartState, chartSearch, embedCode, pageUrl, seriesSearch } from "./chartState.ts";
import { messages } from "./messages.ts";

/** A text to copy: shown in full (it can be selected by hand) with a button that copies it. */
export function CopyField({
  label,
  text,
  button,
  done,
}: {
  label: string;
  text: string;
  button: string;
  done: string;
}) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <textarea
          id={id}
          readOnly
          value={text}
          rows={text.length > 120 ? 3 : 1}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" onClick={copy}>
          {button}
        </button>
      </div>
      <p className="copy-status" role="status">
        {copied ? done : ""}
      </p>
    </div>
  );
}

/**
 * What a reporter takes away: the chart as PNG or SVG (drawn by the server with the same renderer and the same
 * query as the page), its figures as CSV (the series export), a link to this view and an embed code.
 */
export function ChartTools({
  state,
  title,
  fileName,
}: {
  state: ChartState;
  title: string;
  fileName: string;
}) {
  const t = useMessages(messages);
  const lang = useLang();
  const origin = window.location.origin;
  // No title in the address: the server builds the same title from the same filters.
  const chart = chartSearch(state, lang);
  const image = (format: "png" | "svg") => `/v1/charts/series.${format}?${chart}`;
  return (
    <section className="chart-tools" aria-labelledby="take-title">
      <h2 id="take-title">{t.take}</h2>
      <ul className="downloads" aria-label={t.download}>
        <li>
          <a className="button" href={image("png")} download={`${fileName}.png`}>
            {t.download} {t.png}
          </a>
        </li>
        <li>
          <a className="button" href={image("svg")} download={`${fileName}.svg`}>
            {t.download} {t.svg}
          </a>
        </li>
        <li>
          <a
            className="button"
            href={`/v1/exports/series.csv?${seriesSearch(state)}`}
            download={`${fileName}.csv`}
          >
            {t.download} {t.csv}
          </a>
        </li>
      </ul>
      <CopyField label={t.link} text={pageUrl(state, lang, origin)} button={t.copyLink} done={t.copied} />
      <CopyField
        label={t.embed}
        text={embedCode(state, lang, origin, title)}
        button={t.copyEmbed}
        done={t.embedCopied}
      />
      <p className="hint">{t.embedHint}</p>
      <p className="hint">
        {t.serverImage} <a href={image("svg")}>SVG</a> · <a href={image("png")}>PNG</a>
      </p>
    </section>
  );
}
