import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { SSO_FAILURES, type SsoFailure } from "../../../../shared/sso-failures.ts";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { LanguageSelect } from "../../components/ui/language-select.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";

export function LoginPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const config = useQuery(trpc.system.config.queryOptions());
  const sso = config.data?.sso ?? null;
  const ssoFailure = SSO_FAILURES.find((code): code is SsoFailure => code === params.get("sso"));
  const workspace = params.get("workspace");
  const ssoStart = `/auth/oidc/start${workspace ? `?workspace=${encodeURIComponent(workspace)}` : ""}`;
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: () => void navigate("/"),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password });
  };
  return (
    <main id="main" className="login-page">
      <div className="login-card">
        <h1>{t("appName")}</h1>
        <p>{t("login.intro")}</p>
        {ssoFailure ? (
          <p className="error" role="alert">
            {t(`login.ssoFailed.${ssoFailure}`)}
          </p>
        ) : null}
        {sso ? (
          <div className="sso-login">
            {/* A full page load: the server sends the browser on to the identity provider. */}
            <a className="button-link primary" href={ssoStart}>
              {t("login.sso", { name: sso.name })}
            </a>
            <p className="muted small">{t("login.or")}</p>
          </div>
        ) : null}
        <form onSubmit={submit} aria-labelledby="login-title" noValidate>
          <h2 id="login-title">{t("login.title")}</h2>
          <label>
            <span className="field-label">{t("login.email")}</span>
            <input
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
          <label>
            <span className="field-label">{t("login.password")}</span>
            <input
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          {login.error ? <ErrorMessage error={login.error} /> : null}
          <button type="submit" className="primary" disabled={login.isPending}>
            {login.isPending ? t("login.submitting") : t("login.submit")}
          </button>
        </form>
        <LanguageSelect className="language-switch" isLabelVisible />
      </div>
    </main>
  );
}
