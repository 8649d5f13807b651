// Every GraphQL operation the web app sends (typed against schema.graphql by gql.tada).
import { graphql } from './graphql';

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      userId
      role
      teamIds
    }
  }
`);

export const LaunchListQuery = graphql(`
  query LaunchList($status: LaunchStatus) {
    launches(status: $status, first: 100) {
      totalCount
      edges {
        node {
          id
          key
          name
          status
          targetDate
          readiness {
            percent
            ready
          }
          support {
            status
          }
        }
      }
    }
  }
`);

export const LaunchBoardQuery = graphql(`
  query LaunchBoard($key: String!) {
    launch(key: $key) {
      id
      key
      name
      status
      targetDate
      readiness {
        ready
        percent
        blockers {
          code
          team
          item
          message
        }
        overdue {
          itemId
          title
          team
          dueDate
        }
      }
      teams {
        teamId
        team {
          key
          name
        }
        ready
        readiness {
          percent
          signedOff
          counts {
            requiredItems
            doneOrWaived
            overdue
          }
        }
      }
      decision {
        decision
        notes
        by
        at
      }
      gatePolicies {
        environment
      }
      lastGateEvaluations {
        environment
        decision
        evaluatedAt
      }
      support {
        status
        wentLiveAt
        hypercareEndsAt
        quietPeriodHours
        hypercareOverrun {
          code
          reason
        }
        incidents {
          id
          severity
          status
          title
          source
          externalId
          url
        }
      }
      burnup(bucket: DAY) {
        at
        required
        done
        waived
      }
      forecast {
        expectedReadyAt
        onTrack
        slipDays
        ratePerDay
        basis
      }
      history(first: 15) {
        edges {
          node {
            id
            at
            summary
            actor {
              userId
            }
          }
        }
      }
    }
  }
`);

export const GateQuery = graphql(`
  query Gate($launch: String!, $environment: String!) {
    gate(launch: $launch, environment: $environment) {
      environment
      decision
      reasons {
        code
        message
      }
    }
  }
`);

export const TeamChecklistQuery = graphql(`
  query TeamChecklist($key: String!) {
    viewer {
      userId
      role
    }
    launch(key: $key) {
      id
      key
      name
      targetDate
      teams {
        team {
          id
          key
          name
          members {
            userId
            role
          }
        }
        ready
        checklist {
          id
          status
          signedOff
          signedOffBy
          items {
            id
            title
            description
            required
            state
            owner
            dueDate
            overdue
            evidenceUrl
            blockedReason
            waiver {
              reason
              expiresAt
            }
          }
        }
      }
    }
  }
`);

export const ReadinessChangedSubscription = graphql(`
  subscription ReadinessChanged($launchId: ID!) {
    readinessChanged(launchId: $launchId) {
      launchId
      position
    }
  }
`);

export const LaunchActivitySubscription = graphql(`
  subscription LaunchActivity($launchId: ID!) {
    launchActivity(launchId: $launchId) {
      id
    }
  }
`);

export const TickItem = graphql(`
  mutation TickItem($itemId: ID!, $evidenceUrl: String) {
    tickItem(input: { itemId: $itemId, evidenceUrl: $evidenceUrl }) {
      id
      state
    }
  }
`);

export const UntickItem = graphql(`
  mutation UntickItem($itemId: ID!) {
    untickItem(input: { itemId: $itemId }) {
      id
      state
    }
  }
`);

export const BlockItem = graphql(`
  mutation BlockItem($itemId: ID!, $reason: String!) {
    blockItem(input: { itemId: $itemId, reason: $reason }) {
      id
      state
    }
  }
`);

export const UnblockItem = graphql(`
  mutation UnblockItem($itemId: ID!) {
    unblockItem(input: { itemId: $itemId }) {
      id
      state
    }
  }
`);

export const WaiveItem = graphql(`
  mutation WaiveItem($itemId: ID!, $reason: String!) {
    waiveItem(input: { itemId: $itemId, reason: $reason }) {
      id
      state
    }
  }
`);

export const SignOff = graphql(`
  mutation SignOff($checklistId: ID!) {
    signOffChecklist(input: { checklistId: $checklistId }) {
      id
      signedOff
    }
  }
`);
