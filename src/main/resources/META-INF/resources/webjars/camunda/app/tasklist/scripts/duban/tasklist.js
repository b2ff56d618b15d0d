/*
 * Duban's additions to Tasklist, loaded through `customScripts` in scripts/config.js.
 *
 * 1. Chinese for Camunda Forms and its date picker (shared with the other webapps).
 * 2. The navbar's 新建任务 (a standalone task) and 发起流程 (start a process) show only to those
 *    who may use them: Tasklist has no switch for this and shows both to everyone, so a
 *    department clerk would see two buttons that lead nowhere. styles/user-styles.css hides both
 *    until this script has asked the engine what the logged-in person may do:
 *    - 发起流程: is there a process definition the person may start from Tasklist? The same
 *      query as Tasklist's own start dialog (startablePermissionCheck), counted. Leaders and the
 *      supervision office may start `directive`; departments may start nothing.
 *    - 新建任务: does the person hold CREATE on the Task resource (administrators only)?
 *    The engine stays the judge: a hidden button protects nothing, it only spares a dead end.
 */
import '../../../duban/chinese.js';

const ROOT = document.documentElement;
const ENGINE_API = document.querySelector('base').getAttribute('engine-api');

function engineName() {
  // /camunda/app/tasklist/{engine}/
  const match = window.location.pathname.match(/\/app\/tasklist\/([^/]+)/);
  return match ? decodeURIComponent(match[1]) : 'default';
}

async function get(path) {
  const response = await fetch(`${ENGINE_API}engine/${encodeURIComponent(engineName())}/${path}`, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) {
    throw new Error(`${response.status} ${path}`);
  }
  return response.json();
}

async function mayStartAProcess() {
  const answer = await get('process-definition/count?latest=true&active=true'
    + '&startableInTasklist=true&startablePermissionCheck=true');
  return answer.count > 0;
}

async function mayCreateTasks() {
  const answer = await get('authorization/check?permissionName=CREATE&resourceName=Task&resourceType=7');
  return answer.authorized === true;
}

async function showAllowedActions() {
  const [start, create] = await Promise.allSettled([mayStartAProcess(), mayCreateTasks()]);
  ROOT.classList.toggle('duban-may-start-process', start.status === 'fulfilled' && start.value);
  ROOT.classList.toggle('duban-may-create-task', create.status === 'fulfilled' && create.value);
  // for tests and the curious: the answer is in
  ROOT.classList.add('duban-actions-checked');
}

showAllowedActions();
