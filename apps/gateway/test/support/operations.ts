// GraphQL documents the gateway tests send (what a client script would).

export const CREATE_TEAM = `mutation($input: CreateTeamInput!) {
  createTeam(input: $input) { id key name function members { userId role } }
}`;

export const ADD_TEAM_MEMBER = `mutation($input: AddTeamMemberInput!) {
  addTeamMember(input: $input) { id members { userId role } }
}`;

export const CREATE_LAUNCH = `mutation($input: CreateLaunchInput!) {
  createLaunch(input: $input) { id key name status targetDate readiness { ready percent } }
}`;

const LAUNCH_FIELDS = `id key status
  readiness { ready percent blockers { code team item message } }
  teams { teamId team { id key } checklist { id signedOff items { id title required state } } ready }
  decision { decision notes }`;

export const REQUIRE_TEAM = `mutation($input: LaunchTeamInput!) { requireTeam(input: $input) { ${LAUNCH_FIELDS} } }`;

export const ADD_ITEM = `mutation($input: AddChecklistItemInput!) {
  addChecklistItem(input: $input) { id checklistId title required state }
}`;

export const TICK_ITEM = `mutation($input: TickItemInput!) {
  tickItem(input: $input) { id state doneBy evidenceUrl }
}`;

export const SIGN_OFF = `mutation($input: SignOffChecklistInput!) {
  signOffChecklist(input: $input) { id signedOff signedOffBy }
}`;

export const RECORD_GO = `mutation($input: RecordGoNoGoInput!) { recordGoNoGo(input: $input) { ${LAUNCH_FIELDS} } }`;

export const GATE = `query($launch: String!, $environment: String!) {
  gate(launch: $launch, environment: $environment) { decision reasons { code message } evaluatedAt position }
}`;

export const LAUNCH = `query($id: ID, $key: String) { launch(id: $id, key: $key) { ${LAUNCH_FIELDS} } }`;

export const HISTORY = `query($id: ID!, $first: Int, $after: String) {
  launch(id: $id) { history(first: $first, after: $after) {
    edges { cursor node { id type at summary actor { userId role } } }
    pageInfo { hasNextPage endCursor }
  } }
}`;

export const LAUNCH_AS_OF = `query($id: ID!, $at: DateTime!) {
  launchAsOf(id: $id, at: $at) { ${LAUNCH_FIELDS} asOf }
}`;

export const TEAM = `query($id: ID, $key: String) { team(id: $id, key: $key) { id key name members { userId role } } }`;
