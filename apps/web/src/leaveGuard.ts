import { useEffect } from "react";

// The question to ask before leaving a view with unsaved work; null when nothing would be lost. One at a time: only
// one form is open in the page.
let question: string | null = null;

/** Whether the person may leave the current view: yes when nothing is unsaved, or when they say so. */
export function mayLeave(): boolean {
  if (question === null || window.confirm(question)) {
    question = null;
    return true;
  }
  return false;
}

/** Nothing is unsaved any more (a save succeeded): the next move leaves without asking. */
export function releaseLeaveGuard() {
  question = null;
}

const onBeforeUnload = (event: BeforeUnloadEvent) => {
  if (question === null) return;
  // Browsers show their own words; setting returnValue is what makes them ask.
  event.preventDefault();
  event.returnValue = "";
};

/**
 * Asks before a link of the app, a reload or closing the tab drops a form's unsaved entries. The browser's own Back
 * button is not held (a history step cannot be refused); the form's address keeps it one step away.
 */
export function useLeaveGuard(unsaved: boolean, ask: string) {
  useEffect(() => {
    if (!unsaved) return;
    question = ask;
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      if (question === ask) question = null;
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [unsaved, ask]);
}
