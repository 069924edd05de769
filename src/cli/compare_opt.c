/* --compare A,B[,C]: two or three runs that differ in one thing (their key
 * exchange, suite or group) and share everything else, the seed first.
 * Every problem is one line and exit 2, like every other option. */
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "cli.h"
#include "tlssim/i18n.h"

/* What an item of the list names. */
typedef enum axis { AXIS_KX, AXIS_SUITE, AXIS_GROUP } axis;

/* Set \p sim from one item; its axis in \p ax. */
static bool item_apply(const char *item, tls_sim_config *sim, axis *ax, char *label, size_t len)
{
    const tls_suite *s;
    const tls_group_info *g;
    if (cli_kx_parse(item, &sim->kx)) {
        sim->suite = NULL; /* the key exchange's default suite */
        *ax = AXIS_KX;
        snprintf(label, len, "%s", item);
    } else if ((s = tls_suite_parse(item)) != NULL) {
        sim->suite = s;
        sim->kx = s->kx;
        *ax = AXIS_SUITE;
        snprintf(label, len, "%s", s->name);
    } else if ((g = tls_group_parse(item)) != NULL) {
        sim->group = g->id;
        *ax = AXIS_GROUP;
        snprintf(label, len, "%s", g->name);
    } else {
        return false;
    }
    return true;
}

/* The options --compare cannot share a run with. */
static int compare_conflicts(const cli_options *o)
{
    if (cli_is_live(o))
        return cli_usage_error("%s", _("--compare runs in-process runs; live mode talks to one real peer"));
    if (o->sim.scenario || o->sim.tamper.enabled || o->keylog_path || o->pcap_path)
        return cli_usage_error("%s", _("--compare cannot be combined with --scenario, --tamper, "
                                       "--keylog or --pcap"));
    if (o->start_step)
        return cli_usage_error("%s", _("--compare steps every run from the first message: "
                                       "--step does not apply"));
    return 0;
}

/* The axis against the options that fix the same thing. */
static int axis_conflicts(const cli_options *o, axis ax)
{
    if (ax != AXIS_GROUP && (o->kx_given || o->suite_given))
        return cli_usage_error("%s", _("--compare of key exchanges or suites cannot be combined "
                                       "with --kx or --suite"));
    if (ax == AXIS_GROUP && o->group_given)
        return cli_usage_error("%s", _("--compare of groups cannot be combined with --group"));
    if (ax == AXIS_GROUP && o->sim.kx == TLS_KX_RSA)
        return cli_usage_error("%s", _("--compare of groups needs ECDHE: RSA key exchange uses no group"));
    if (ax == AXIS_GROUP && o->sim.kx == TLS_KX_DHE_RSA)
        return cli_usage_error("%s", _("--compare of groups needs ECDHE: DHE uses RFC 7919's ffdhe2048"));
    return 0;
}

/* Split the list into the runs' settings; the axis they vary along. */
static int split_items(cli_options *o, axis *ax)
{
    char list[256];
    if (strlen(o->compare) >= sizeof list)
        return cli_usage_error("%s", _("--compare: the list is too long"));
    snprintf(list, sizeof list, "%s", o->compare);
    int n = 0;
    char *save = NULL;
    for (char *it = strtok_r(list, ",", &save); it; it = strtok_r(NULL, ",", &save), n++) {
        if (n == TLS_COMPARE_MAX)
            return cli_usage_error(_("--compare: '%s' names more than three runs"), o->compare);
        axis this;
        o->compare_sim[n] = o->sim;
        if (!item_apply(it, &o->compare_sim[n], &this, o->compare_label[n],
                        sizeof o->compare_label[n]))
            return cli_usage_error(_("--compare: '%s' is not a key exchange (ecdhe, dhe, rsa), a cipher "
                                     "suite or a group"), it);
        if (n > 0 && this != *ax)
            return cli_usage_error(_("--compare: '%s' mixes kinds: compare key exchanges, suites "
                                     "or groups"), o->compare);
        *ax = this;
        for (int j = 0; j < n; j++)
            if (strcmp(o->compare_label[j], o->compare_label[n]) == 0)
                return cli_usage_error(_("--compare: '%s' is named twice"), it);
    }
    if (n < 2)
        return cli_usage_error(_("--compare: '%s' names fewer than two runs, e.g. rsa,ecdhe"),
                               o->compare);
    o->ncompare = n;
    return 0;
}

/* One seed for every run: the one given, else one drawn now (and shown). */
static uint64_t shared_seed(const cli_options *o)
{
    uint64_t seed;
    if (o->sim.seeded)
        return o->sim.seed;
    if (getrandom(&seed, sizeof seed, 0) != (ssize_t)sizeof seed)
        seed = (uint64_t)time(NULL);
    return seed;
}

int cli_compare_parse(cli_options *o)
{
    int rc = compare_conflicts(o);
    axis ax = AXIS_KX;
    if (!rc)
        rc = split_items(o, &ax);
    if (!rc)
        rc = axis_conflicts(o, ax);
    if (rc)
        return rc;
    uint64_t seed = shared_seed(o);
    for (int i = 0; i < o->ncompare; i++) {
        o->compare_sim[i].seed = seed;
        o->compare_sim[i].seeded = true;
    }
    return 0;
}
