import { navigate } from "../useSearchParam.ts";
import { common } from "./common.ts";
import { type Lang, languageNames, languages, rememberLang, useLang, useMessages } from "./index.ts";

/** English or Ukrainian: the choice goes into the URL (shared links keep it) and is remembered for next time. */
export function LanguageSwitch() {
  const lang = useLang();
  const t = useMessages(common);
  const choose = (next: Lang) => {
    rememberLang(next);
    const url = new URL(window.location.href);
    url.searchParams.set("lang", next);
    navigate(url);
  };
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t.language}</legend>
      {languages.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === lang}
          onClick={() => choose(option)}
        >
          {languageNames[option]}
        </button>
      ))}
    </fieldset>
  );
}
