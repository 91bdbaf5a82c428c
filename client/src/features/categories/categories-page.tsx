import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";

type Category = {
  id: string;
  parentId: string | null;
  kind: string;
  code: string;
  nameSv: string;
  nameEn: string;
};

/** The tree in display order: each category followed by its children, with its depth. */
function flatten(categories: readonly Category[]) {
  const children = new Map<string | null, Category[]>();
  for (const category of categories)
    children.set(category.parentId, [...(children.get(category.parentId) ?? []), category]);
  const rows: (Category & { depth: number })[] = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const category of children.get(parentId) ?? []) {
      rows.push({ ...category, depth });
      visit(category.id, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}

/**
 * The category tree: rename groups and codes, create groups (for example fraud against the
 * elderly), and move a code or group under another group. Figures follow at once.
 */
export function CategoriesPage() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const categories = useQuery(trpc.categories.list.queryOptions());
  const update = useMutation(trpc.categories.update.mutationOptions());
  const create = useMutation(trpc.categories.createGroup.mutationOptions());
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState({ nameSv: "", nameEn: "", parentCode: "" });
  const [group, setGroup] = useState({ nameSv: "", nameEn: "", parentCode: "" });
  const rows = flatten(categories.data ?? []);
  const groups = rows.filter((row) => row.kind === "group");
  const name = (row: Category) => (locale === "sv" ? row.nameSv : row.nameEn);
  const codeOf = new Map((categories.data ?? []).map((c) => [c.id, c.code]));
  const startEdit = (row: Category) => {
    setEditing(row.code);
    setDraft({
      nameSv: row.nameSv,
      nameEn: row.nameEn,
      parentCode: row.parentId ? (codeOf.get(row.parentId) ?? "") : "",
    });
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    update.mutate(
      { code: editing, nameSv: draft.nameSv, nameEn: draft.nameEn, parentCode: draft.parentCode || null },
      { onSuccess: () => setEditing(null) },
    );
  };
  const groupOptions = (exclude: string | null) =>
    groups
      .filter((row) => row.code !== exclude)
      .map((row) => (
        <option key={row.code} value={row.code}>
          {`${"– ".repeat(row.depth)}${name(row)}`}
        </option>
      ));
  return (
    <>
      <h1>{t("categories.title")}</h1>
      <p className="muted">{t("categories.intro")}</p>
      <Panel title={t("categories.newGroup")} titleId="new-group-title" isLoading={false} error={null}>
        <form
          className="form-row"
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate(
              {
                nameSv: group.nameSv,
                nameEn: group.nameEn || group.nameSv,
                parentCode: group.parentCode || null,
              },
              { onSuccess: () => setGroup({ nameSv: "", nameEn: "", parentCode: "" }) },
            );
          }}
        >
          <label>
            <span className="field-label">{t("categories.nameSv")}</span>
            <input
              required
              minLength={2}
              value={group.nameSv}
              onChange={(e) => setGroup({ ...group, nameSv: e.target.value })}
            />
          </label>
          <label>
            <span className="field-label">{t("categories.nameEn")}</span>
            <input value={group.nameEn} onChange={(e) => setGroup({ ...group, nameEn: e.target.value })} />
          </label>
          <label>
            <span className="field-label">{t("categories.parent")}</span>
            <select
              value={group.parentCode}
              onChange={(e) => setGroup({ ...group, parentCode: e.target.value })}
            >
              <option value="">{t("categories.topLevel")}</option>
              {groupOptions(null)}
            </select>
          </label>
          <button type="submit" className="primary" disabled={create.isPending}>
            {t("categories.create")}
          </button>
        </form>
        {create.error ? <ErrorMessage error={create.error} /> : null}
      </Panel>
      <Panel
        title={t("categories.tree")}
        titleId="tree-title"
        isLoading={categories.isPending}
        error={categories.error}
      >
        {update.error ? <ErrorMessage error={update.error} /> : null}
        <table className="data-table" data-testid="category-tree">
          <thead>
            <tr>
              <th scope="col">{t("categories.name")}</th>
              <th scope="col">{t("categories.code")}</th>
              <th scope="col">{t("categories.kind")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("categories.edit")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) =>
              editing === row.code ? (
                <tr key={row.code} data-code={row.code}>
                  <td colSpan={4}>
                    <form
                      className="form-row"
                      onSubmit={save}
                      aria-label={t("categories.editing", { name: name(row) })}
                    >
                      <label>
                        <span className="field-label">{t("categories.nameSv")}</span>
                        <input
                          required
                          minLength={2}
                          value={draft.nameSv}
                          onChange={(e) => setDraft({ ...draft, nameSv: e.target.value })}
                        />
                      </label>
                      <label>
                        <span className="field-label">{t("categories.nameEn")}</span>
                        <input
                          required
                          minLength={2}
                          value={draft.nameEn}
                          onChange={(e) => setDraft({ ...draft, nameEn: e.target.value })}
                        />
                      </label>
                      <label>
                        <span className="field-label">{t("categories.parent")}</span>
                        <select
                          value={draft.parentCode}
                          onChange={(e) => setDraft({ ...draft, parentCode: e.target.value })}
                        >
                          <option value="">{t("categories.topLevel")}</option>
                          {groupOptions(row.code)}
                        </select>
                      </label>
                      <button type="submit" className="primary" disabled={update.isPending}>
                        {t("categories.save")}
                      </button>
                      <button type="button" onClick={() => setEditing(null)}>
                        {t("categories.cancel")}
                      </button>
                    </form>
                  </td>
                </tr>
              ) : (
                <tr key={row.code} data-code={row.code} data-depth={row.depth}>
                  <td style={{ paddingLeft: `${0.5 + row.depth * 1.25}rem` }}>{name(row)}</td>
                  <td>
                    <code>{row.code}</code>
                  </td>
                  <td>{t(`categories.kind.${row.kind as "group" | "crime_code" | "partner_event"}`)}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => startEdit(row)}>
                      {t("categories.edit")}
                      <span className="visually-hidden"> {name(row)}</span>
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </Panel>
    </>
  );
}
