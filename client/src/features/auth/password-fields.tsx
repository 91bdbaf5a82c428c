import { useId, useState } from "react";
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PasswordProblem,
  passwordProblems,
} from "../../../../shared/passwords.ts";
import { useI18n } from "../../i18n/i18n.tsx";

/** A new password typed twice, checked against the same rules as the server (shared/passwords.ts). */
export function useNewPassword(email: string) {
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const problems = passwordProblems(password, { email });
  return {
    password,
    repeat,
    setPassword,
    setRepeat,
    problems,
    isMismatch: repeat.length > 0 && repeat !== password,
    isValid: problems.length === 0 && repeat === password,
    reset() {
      setPassword("");
      setRepeat("");
    },
  };
}

export type NewPassword = ReturnType<typeof useNewPassword>;

export function NewPasswordFields({ state }: { state: NewPassword }) {
  const { t } = useI18n();
  const id = useId();
  const [isShown, setShown] = useState(false);
  const type = isShown ? "text" : "password";
  const problemText = (problem: PasswordProblem) =>
    t(`password.${problem}`, {
      min: PASSWORD_MIN_LENGTH,
      max: PASSWORD_MAX_LENGTH,
      count: [...state.password].length,
    });
  const problems = state.password ? state.problems.map(problemText).join(" ") : "";
  return (
    <>
      <label>
        <span className="field-label">{t("password.new")}</span>
        <input
          type={type}
          autoComplete="new-password"
          required
          aria-describedby={`${id}-hint ${id}-problems`}
          aria-invalid={problems ? true : undefined}
          value={state.password}
          onChange={(event) => state.setPassword(event.target.value)}
        />
      </label>
      <p className="muted small form-hint" id={`${id}-hint`}>
        {t("password.hint", { min: PASSWORD_MIN_LENGTH })}
      </p>
      <p className="error small" id={`${id}-problems`} aria-live="polite">
        {problems}
      </p>
      <label>
        <span className="field-label">{t("password.repeat")}</span>
        <input
          type={type}
          autoComplete="new-password"
          required
          aria-describedby={`${id}-mismatch`}
          aria-invalid={state.isMismatch ? true : undefined}
          value={state.repeat}
          onChange={(event) => state.setRepeat(event.target.value)}
        />
      </label>
      <p className="error small" id={`${id}-mismatch`} aria-live="polite">
        {state.isMismatch ? t("password.mismatch") : ""}
      </p>
      <label className="checkbox-label">
        <input type="checkbox" checked={isShown} onChange={(event) => setShown(event.target.checked)} />
        {t("password.show")}
      </label>
    </>
  );
}
