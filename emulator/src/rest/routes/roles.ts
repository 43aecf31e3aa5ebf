import { z } from 'zod';
import type { Core } from '../../domain/core';
import { getRole } from '../../domain/lookup';
import { list, parse, str } from '../params';
import { both, fromTable, listResponse, param, scopeOf } from '../route-kit';
import type { ProductRoutes } from '../../http/router';
import { roleJson } from '../../serializers/services';
import { json, noContent } from '../../http/route';

const RoleForm = z.object({ FriendlyName: str(), Type: str(), Permission: list() });

export const registerRoleRoutes = (router: ProductRoutes, core: Core) => {
  both(router, 'POST', '/Roles', async (req) => {
    const scope = scopeOf(core, req);
    const f = parse(RoleForm, req.form);
    const role = await core.roles.createRole(
      scope.serviceSid,
      { friendlyName: f.FriendlyName, type: f.Type, permissions: f.Permission },
      req.origin,
    );
    return json(201, roleJson(role, scope));
  });

  both(router, 'GET', '/Roles', (req) => {
    const scope = scopeOf(core, req);
    return listResponse(req, {
      key: 'roles',
      sids: core.store.byIndex('roles', 'byService', scope.serviceSid),
      ...fromTable(core, 'roles'),
      toJson: (r) => roleJson(r, scope),
    });
  });

  both(router, 'GET', '/Roles/{Sid}', (req) => {
    const scope = scopeOf(core, req);
    return json(200, roleJson(getRole(core.ctx, scope.serviceSid, param(req, 'Sid')), scope));
  });

  both(router, 'POST', '/Roles/{Sid}', async (req) => {
    const scope = scopeOf(core, req);
    const f = parse(RoleForm, req.form);
    const role = await core.roles.updateRole(scope.serviceSid, param(req, 'Sid'), { permissions: f.Permission }, req.origin);
    return json(200, roleJson(role, scope));
  });

  both(router, 'DELETE', '/Roles/{Sid}', async (req) => {
    const scope = scopeOf(core, req);
    await core.roles.deleteRole(scope.serviceSid, param(req, 'Sid'), req.origin);
    return noContent();
  });
};
