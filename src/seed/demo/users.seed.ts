import { Role } from '../../common/auth/roles';
import { SeedPart } from '../seed-part';

/** One user per role; the README lists these addresses and passwords. */
export const DEMO_USERS: { email: string; name: string; password: string; roles: Role[]; phone?: string }[] =
  [
    { email: 'admin@demo.frirom.no', name: 'Demo Admin', password: 'demo-admin', roles: ['admin'] },
    { email: 'staff@demo.frirom.no', name: 'Siri Saksbehandler', password: 'demo-staff', roles: ['staff'] },
    {
      email: 'caretaker@demo.frirom.no',
      name: 'Viktor Vaktmester',
      password: 'demo-caretaker',
      roles: ['caretaker'],
      phone: '+4790000001',
    },
    {
      email: 'analyst@demo.frirom.no',
      name: 'Anna Analytiker',
      password: 'demo-analyst',
      roles: ['analyst'],
    },
    {
      email: 'applicant@demo.frirom.no',
      name: 'Ola Foreningsleder',
      password: 'demo-applicant',
      roles: ['applicant'],
      phone: '+4790000002',
    },
  ];

export const usersSeed: SeedPart = {
  name: 'users',
  async run({ manager, users }) {
    for (const user of DEMO_USERS) {
      if (!(await users.findByEmail(user.email))) await users.create(user, manager);
    }
  },
};
