import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useGraphqlMutation, useGraphqlQuery } from '../../api/use-graphql';
import { DataTable, HiddenColumnTitle } from '../../components/data-table';
import { FormField } from '../../components/form-field';
import { Page } from '../../components/page';
import { ErrorState, QueryView } from '../../components/query-state';
import { useMessages } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { procurementMessages, statusKey } from './procurement-messages';
import { CREATE_PROJECT, PROJECTS } from './procurement-queries';
import { ProjectPackages } from './procurement-packages';
import '../../components/panels.css';

/** Tianjin's procurement: projects and packages, the scoring scheme, bids and evaluator sheets, scores and ranking. */
export function ProcurementPage() {
  const t = useMessages(procurementMessages);
  const { user } = useSession();
  const canRecord = user?.role === 'buyer-admin' || user?.role === 'buyer-staff';
  const [search, setSearch] = useSearchParams();
  const query = useGraphqlQuery(PROJECTS, {});
  const statusWords = (v: string) => {
    const k = statusKey(v);
    return k ? t[k] : v;
  };
  const [create, createState] = useGraphqlMutation(CREATE_PROJECT);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const onCreate = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const { createProcurementProject } = await create({ input: { code, name } });
      setSearch({ project: createProcurementProject.id });
      query.reload();
    } catch {
      // shown from the mutation's state
    }
  };
  return (
    <Page title={t.title}>
      <QueryView query={query}>
        {({ procurementProjects, presets }) => {
          const projectId = search.get('project') ?? procurementProjects[0]?.id;
          return (
            <>
              <section aria-labelledby="projects">
                <h2 id="projects">{t.projects}</h2>
                {procurementProjects.length ? (
                  <DataTable
                    columns={[t.code, t.name, t.status, <HiddenColumnTitle>{t.open}</HiddenColumnTitle>]}
                    testId="projects"
                  >
                    {procurementProjects.map((p) => (
                      <tr key={p.id} aria-current={p.id === projectId ? 'true' : undefined}>
                        <th scope="row">{p.code}</th>
                        <td>{p.name}</td>
                        <td>{statusWords(p.status)}</td>
                        <td>
                          <button
                            type="button"
                            onClick={() => setSearch({ project: p.id })}
                            aria-label={`${t.open} ${p.code}`}
                          >
                            {t.open}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </DataTable>
                ) : (
                  <p>{t.noProjects}</p>
                )}
                {canRecord ? (
                  <form className="panel inline-form" onSubmit={onCreate} aria-labelledby="create-project">
                    <h3 id="create-project">{t.createProject}</h3>
                    <FormField label={t.code}>
                      {(p) => (
                        <input
                          {...p}
                          required
                          placeholder="TGPC-2025-D-1284"
                          value={code}
                          onChange={(e) => setCode(e.target.value)}
                        />
                      )}
                    </FormField>
                    <FormField label={t.projectName}>
                      {(p) => <input {...p} required value={name} onChange={(e) => setName(e.target.value)} />}
                    </FormField>
                    <button type="submit" disabled={createState.running}>
                      {t.create}
                    </button>
                    {createState.error ? <ErrorState error={createState.error} /> : null}
                  </form>
                ) : null}
              </section>
              {projectId ? (
                <ProjectPackages key={projectId} projectId={projectId} presets={presets} canRecord={canRecord} />
              ) : null}
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}
