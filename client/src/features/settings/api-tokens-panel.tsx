import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";

/** Import tokens for scheduled jobs: created here, shown once, revoked when the job ends. */
export function ApiTokensPanel({ workspaceSlug }: { workspaceSlug: string }) {
  const { t, formatDate } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.workspace.apiTokens.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.workspace.apiTokens.queryKey() });
  const create = useMutation(trpc.workspace.createApiToken.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.workspace.revokeApiToken.mutationOptions({ onSuccess: refresh }));
  const [name, setName] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name }, { onSuccess: () => setName("") });
  };
  const day = (value: string | Date | null) =>
    value ? formatDate(new Date(value).toISOString().slice(0, 10), { dateStyle: "medium" }) : "–";
  return (
    <Panel title={t("tokens.title")} titleId="tokens-title" isLoading={tokens.isPending} error={tokens.error}>
      <p className="muted small">{t("tokens.intro")}</p>
      {tokens.data && tokens.data.length > 0 ? (
        <table className="data-table">
          <caption className="visually-hidden">{t("tokens.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("tokens.name")}</th>
              <th scope="col">{t("tokens.createdBy")}</th>
              <th scope="col">{t("tokens.created")}</th>
              <th scope="col">{t("tokens.lastUsed")}</th>
              <th scope="col">{t("tokens.status")}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{token.createdBy}</td>
                <td>{day(token.createdAt)}</td>
                <td>{day(token.lastUsedAt)}</td>
                <td>
                  {token.revokedAt ? (
                    t("tokens.revoked", { date: day(token.revokedAt) })
                  ) : (
                    <button
                      type="button"
                      onClick={() => revoke.mutate({ id: token.id })}
                      disabled={revoke.isPending}
                      aria-label={t("tokens.revokeNamed", { name: token.name })}
                    >
                      {t("tokens.revoke")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form className="stack-form" onSubmit={submit}>
        <label>
          <span className="field-label">{t("tokens.name")}</span>
          <input
            required
            maxLength={120}
            value={name}
            placeholder={t("tokens.namePlaceholder")}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        {create.error ? <ErrorMessage error={create.error} /> : null}
        {revoke.error ? <ErrorMessage error={revoke.error} /> : null}
        <button type="submit" className="primary" disabled={create.isPending}>
          {t("tokens.create")}
        </button>
      </form>
      {create.data ? (
        <div role="status" className="token-once">
          <p>{t("tokens.createdOnce", { name: create.data.name })}</p>
          <code data-testid="new-token">{create.data.token}</code>
          <p className="muted small">{t("tokens.cronHint")}</p>
          <pre className="small">
            {`15 3 * * * cd /srv/est && EST_IMPORT_TOKEN=$(cat /etc/est/import-token) npm run import -- police-delivery --workspace ${workspaceSlug} --file /srv/leveranser/senaste.csv`}
          </pre>
        </div>
      ) : null}
    </Panel>
  );
}
