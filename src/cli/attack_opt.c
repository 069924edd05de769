/* --attack: the attack lab's options (see cli.h). */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "tlssim/i18n.h"

/* One line per attack: its name and what the attacker does, in columns
 * as wide as the longest name. */
static void attack_list(FILE *out)
{
    int width = 0;
    for (size_t i = 0; i < tls_attack_count(); i++)
        if ((int)strlen(tls_attack_at(i)->name) > width)
            width = (int)strlen(tls_attack_at(i)->name);
    for (size_t i = 0; i < tls_attack_count(); i++) {
        const tls_attack_info *a = tls_attack_at(i);
        fprintf(out, "%-*s  %s\n", width, a->name, tls_i18n_template(a->does));
    }
}

int cli_attack_option(cli_options *o, const char *arg)
{
    if (strcmp(arg, "list") == 0) {
        attack_list(stdout);
        return 1;
    }
    o->attack = tls_attack_find(arg);
    if (!o->attack)
        return cli_usage_error(_("--attack: unknown attack '%s' (--attack list names them)"), arg);
    return 0;
}

int cli_attack_check(const cli_options *o)
{
    const tls_attack_info *a = o->attack;
    if (!a)
        return 0;
    if (cli_is_live(o))
        return cli_usage_error(_("--attack %s: the attack lab runs in-process; live mode talks "
                                 "to a real peer"), a->name);
    if (o->compare || o->sim.resume != TLS_RESUME_OFF || o->sim.tamper.enabled)
        return cli_usage_error(_("--attack %s cannot be combined with --compare, --resume or "
                                 "--tamper"), a->name);
    if (a->ephemeral && o->sim.kx == TLS_KX_RSA)
        return cli_usage_error(_("--attack %s needs an (EC)DHE key exchange (--kx ecdhe or "
                                 "dhe): RSA key exchange sends no public key to swap"),
                               a->name);
    return 0;
}
