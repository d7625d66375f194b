import { gqlDocument } from '../../api/graphql-client';
import { useGraphqlQuery } from '../../api/use-graphql';
import { DataTable } from '../../components/data-table';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-state';
import { useMessages } from '../../i18n/i18n';
import { platformMessages } from './platform-messages';

const TENANTS = gqlDocument('query Tenants { tenants { id code name } vendorOrganizations { id name } }');

/** The platform administrator's directory: buyer agencies and vendor organisations (no tenant data). */
export function TenantsPage() {
  const t = useMessages(platformMessages);
  const query = useGraphqlQuery(TENANTS, {});
  return (
    <Page title={t.tenantsTitle}>
      <QueryView query={query}>
        {({ tenants, vendorOrganizations }) => (
          <>
            <DataTable columns={[t.code, t.name]}>
              {tenants.map((x) => (
                <tr key={x.id}>
                  <td>{x.code}</td>
                  <td>{x.name}</td>
                </tr>
              ))}
            </DataTable>
            <h2>{t.vendorsTitle}</h2>
            {vendorOrganizations.length ? (
              <ul>
                {vendorOrganizations.map((v) => (
                  <li key={v.id}>{v.name}</li>
                ))}
              </ul>
            ) : (
              <p>{t.noVendors}</p>
            )}
          </>
        )}
      </QueryView>
    </Page>
  );
}
