import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { LanguageSelect } from "../../components/ui/language-select.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";

export function LoginPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries();
        void navigate("/");
      },
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
