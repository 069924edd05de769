#!/usr/bin/env bash
# make-demo-pki.sh: the demo PKI that tlssim's simulated server presents.
#
# DEMO ONLY - NOT FOR PRODUCTION.  The private keys below are published in
# the source tree on purpose (anyone can read them), so nothing signed by
# these CAs may ever be trusted outside the simulator.
#
# The shape is what real sites use:
#
#   root CA (RSA-2048, self-signed: the client's trust anchor)
#    +- intermediate CA (RSA-2048)
#    |   +- server certificate, RSA-2048      (server.*)
#    |   +- server certificate, ECDSA P-256   (server-ecdsa.*)
#    +- client certificate, RSA-2048          (client.*)
#    +- client certificate, ECDSA P-256       (client-ecdsa.*)
#
# The attack lab's certificates (src/core/demo_pki_attack.c), each RSA and
# ECDSA (stem and stem-ecdsa), what a man in the middle could present:
#
#   attacker CA (RSA-2048, self-signed: trusted only where it was installed,
#    |           as a company's inspection proxy is)
#    +- attacker.*        the attacker's leaf for the demo host
#   self-signed.*         a leaf for the demo host that signs itself
#   expired.*             issued by the demo intermediate, expired in 2024
#   wrong-host.*          issued by the demo intermediate for $other_host (a
#                         name the attacker owns: any CA issues that)
#
# A server sends its leaf and the intermediate, never the root (the client
# already has it).  Client certificates come straight from the root: the
# server's trust list is the root, and the short client chain keeps the
# client-authentication lesson about CertificateVerify, not about paths.
#
# Validity: every certificate but the expired ones runs from 2025-01-01 to 2045-12-31 (fixed
# GeneralizedTime), so regenerated files read the same dates and the demo
# keeps working for twenty years without a clock-dependent test.  Real
# leaves live 90 days to a year; the lesson on certificates says so.
#
# Usage:
#   make-demo-pki.sh                  new keys and certificates, then embed
#   make-demo-pki.sh --missing        make only the files that are absent,
#                                     from the issuers that exist, then embed
#   make-demo-pki.sh --client         new client certificates and keys from
#                                     the existing root, then embed
#   make-demo-pki.sh --embed-only     keep the PEM files, rewrite demo_pki.c
#                                     and demo_pki_attack.c
#   make-demo-pki.sh --print-embed    print the would-be C files to stdout
#   make-demo-pki.sh --check          exit 1 when a C file differs from the
#                                     PEM files (run by the test suite)
#
# Needs bash and, only for generation, the openssl command (3.0 or later).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
host="www.example.test"
other_host="www.attacker.test"
demo="DEMO ONLY - NOT FOR PRODUCTION"
# Fixed validity (GeneralizedTime) so regenerated files read the same dates.
not_before="20250101000000Z"
not_after="20451231235959Z"
# The expired leaves: a year, long over.
expired_before="20230101000000Z"
expired_after="20240101000000Z"

die() { echo "make-demo-pki.sh: $*" >&2; exit 1; }

# Every certificate, one line each: file stem, key kind, issuer stem
# ("self" for a root or a self-signed leaf), extensions section, validity
# (demo or expired), subject CN.
certificates() {
    cat <<LIST
ca rsa self v3_ca demo tlssim Demo Root CA ($demo)
intermediate rsa ca v3_intermediate demo tlssim Demo Intermediate CA ($demo)
server rsa intermediate v3_server_rsa demo $host
server-ecdsa ec intermediate v3_server_ec demo $host
client rsa ca v3_client demo tlssim demo client ($demo)
client-ecdsa ec ca v3_client demo tlssim demo client ECDSA ($demo)
attacker-ca rsa self v3_ca demo tlssim Attacker CA ($demo)
attacker rsa attacker-ca v3_server_rsa demo $host
attacker-ecdsa ec attacker-ca v3_server_ec demo $host
self-signed rsa self v3_server_rsa demo $host
self-signed-ecdsa ec self v3_server_ec demo $host
expired rsa intermediate v3_server_rsa expired $host
expired-ecdsa ec intermediate v3_server_ec expired $host
wrong-host rsa intermediate v3_other_rsa demo $other_host
wrong-host-ecdsa ec intermediate v3_other_ec demo $other_host
LIST
}

# The root a stem's chain ends at (its own stem for a self-signed one).
root_of() {
    local want=$1 stem kind issuer rest
    while read -r stem kind issuer rest; do
        [[ $stem == "$want" ]] || continue
        [[ $issuer == self ]] && { echo "$stem"; return; }
        root_of "$issuer"
        return
    done < <(certificates)
    die "no certificate $want"
}

# The text placed before the BEGIN line of every PEM file.  PEM readers
# (OpenSSL's and mbedTLS's) skip anything before "-----BEGIN".
pem_banner() {
    printf '%s\n' \
        "# tlssim demo PKI: $1" \
        "# DEMO ONLY - NOT FOR PRODUCTION.  This key material is public (it is" \
        "# in the tlssim source tree); never trust it anywhere else." \
        "# Made by src/core/pki/make-demo-pki.sh."
}

# openssl ca needs a small working directory: database, serial, config.
write_ca_config() {
    local dir=$1
    : > "$dir/index.txt"
    cat > "$dir/ca.cnf" <<CNF
[ ca ]
default_ca = demo_ca

[ demo_ca ]
dir             = $dir
database        = \$dir/index.txt
new_certs_dir   = \$dir
serial          = \$dir/serial
default_md      = sha256
policy          = any_policy
unique_subject  = no
copy_extensions = none
email_in_dn     = no

[ any_policy ]
commonName = supplied

[ req ]
distinguished_name = req_dn
prompt             = no

[ req_dn ]
CN = placeholder

[ v3_ca ]
basicConstraints       = critical, CA:TRUE
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ v3_intermediate ]
basicConstraints       = critical, CA:TRUE, pathlen:0
keyUsage               = critical, digitalSignature, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ v3_server_rsa ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature, keyEncipherment
extendedKeyUsage       = serverAuth
subjectAltName         = DNS:$host
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid

[ v3_server_ec ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = serverAuth
subjectAltName         = DNS:$host
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid

[ v3_other_rsa ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature, keyEncipherment
extendedKeyUsage       = serverAuth
subjectAltName         = DNS:$other_host
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid

[ v3_other_ec ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = serverAuth
subjectAltName         = DNS:$other_host
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid

[ v3_client ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid
CNF
}

# Random positive serial numbers, as CAs are expected to use.
new_serial() { openssl rand -hex 16 | sed 's/^./4/' > "$1/serial"; }

# A private key: RSA-2048 or ECDSA on P-256 (named curve, as TLS requires).
new_key() {
    local kind=$1 out=$2
    case $kind in
    rsa) openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$out" ;;
    ec) openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
            -pkeyopt ec_param_enc:named_curve -out "$out" ;;
    *) die "unknown key kind $kind" ;;
    esac
}

# One certificate and its key, written next to this script: the function
# every kind goes through.  $work holds the openssl ca configuration.
issue() {
    local work=$1 stem=$2 kind=$3 issuer=$4 ext=$5 validity=$6 cn=$7
    local key="$work/$stem.key" csr="$work/$stem.csr" crt="$work/$stem.crt"
    local from=$not_before to=$not_after
    [[ $validity == expired ]] && { from=$expired_before; to=$expired_after; }
    local ca=(openssl ca -batch -config "$work/ca.cnf" -notext
              -startdate "$from" -enddate "$to" -extensions "$ext"
              -in "$csr" -out "$crt")
    new_key "$kind" "$key"
    openssl req -new -config "$work/ca.cnf" -key "$key" -subj "/CN=$cn" -out "$csr"
    new_serial "$work"
    if [[ $issuer == self ]]; then
        ca+=(-selfsign -keyfile "$key")
    else
        ca+=(-cert "$here/$issuer.crt.pem" -keyfile "$here/$issuer.key.pem")
    fi
    "${ca[@]}" 2> "$work/log" || { cat "$work/log" >&2; die "signing $stem failed"; }
    verify_issued "$stem" "$issuer" "$crt"
    { pem_banner "$stem certificate ($cn)"; cat "$crt"; } > "$here/$stem.crt.pem"
    { pem_banner "$stem private key"; cat "$key"; } > "$here/$stem.key.pem"
}

# The new certificate must verify up to its root through its issuer (an
# expired one too: its signatures are sound, only the clock rejects it).
verify_issued() {
    local stem=$1 issuer=$2 crt=$3
    local untrusted=() root
    [[ $issuer == self ]] && return 0
    root=$(root_of "$issuer")
    [[ $issuer != "$root" ]] && untrusted=(-untrusted "$here/$issuer.crt.pem")
    openssl verify -no_check_time -CAfile "$here/$root.crt.pem" "${untrusted[@]}" "$crt" \
        > /dev/null || die "the new $stem certificate does not verify"
}

# Issue the listed certificates whose stem matches $2 (an extended regex);
# with $1 = missing, only those whose files are absent.
generate() {
    local which=$1 pattern=$2 work stem kind issuer ext validity cn
    command -v openssl > /dev/null || die "the openssl command is needed"
    work=$(mktemp -d)
    # shellcheck disable=SC2064  # expand $work now: it is local
    trap "rm -rf '$work'" EXIT
    write_ca_config "$work"
    while read -r stem kind issuer ext validity cn; do
        [[ $stem =~ ^($pattern)$ ]] || continue
        [[ $which == missing && -e $here/$stem.crt.pem ]] && continue
        issue "$work" "$stem" "$kind" "$issuer" "$ext" "$validity" "$cn" < /dev/null
    done < <(certificates)
}

# One PEM file as a C string literal, a line per source line.  The banner
# and base64 contain no quote or backslash; refuse a file that does.
c_literal() {
    local file=$1 line
    [[ -r $file ]] || die "missing $file (run without options to generate it)"
    if grep -q '["\\]' "$file"; then
        die "$file contains a quote or backslash"
    fi
    while IFS= read -r line; do
        printf '    "%s\\n"\n' "$line"
    done < "$file"
}

# The C array names, one per PEM file, and the C file that holds each
# (include/tlssim/pki.h and pki_attack.h declare them).
embedded() {
    cat <<LIST
demo_pki.c tls_demo_ca_pem ca.crt.pem
demo_pki.c tls_demo_intermediate_pem intermediate.crt.pem
demo_pki.c tls_demo_server_cert_pem server.crt.pem
demo_pki.c tls_demo_server_key_pem server.key.pem
demo_pki.c tls_demo_server_ecdsa_cert_pem server-ecdsa.crt.pem
demo_pki.c tls_demo_server_ecdsa_key_pem server-ecdsa.key.pem
demo_pki.c tls_demo_client_cert_pem client.crt.pem
demo_pki.c tls_demo_client_key_pem client.key.pem
demo_pki.c tls_demo_client_ecdsa_cert_pem client-ecdsa.crt.pem
demo_pki.c tls_demo_client_ecdsa_key_pem client-ecdsa.key.pem
demo_pki_attack.c tls_attack_ca_pem attacker-ca.crt.pem
demo_pki_attack.c tls_attack_leaf_cert_pem attacker.crt.pem
demo_pki_attack.c tls_attack_leaf_key_pem attacker.key.pem
demo_pki_attack.c tls_attack_leaf_ecdsa_cert_pem attacker-ecdsa.crt.pem
demo_pki_attack.c tls_attack_leaf_ecdsa_key_pem attacker-ecdsa.key.pem
demo_pki_attack.c tls_attack_self_signed_cert_pem self-signed.crt.pem
demo_pki_attack.c tls_attack_self_signed_key_pem self-signed.key.pem
demo_pki_attack.c tls_attack_self_signed_ecdsa_cert_pem self-signed-ecdsa.crt.pem
demo_pki_attack.c tls_attack_self_signed_ecdsa_key_pem self-signed-ecdsa.key.pem
demo_pki_attack.c tls_attack_expired_cert_pem expired.crt.pem
demo_pki_attack.c tls_attack_expired_key_pem expired.key.pem
demo_pki_attack.c tls_attack_expired_ecdsa_cert_pem expired-ecdsa.crt.pem
demo_pki_attack.c tls_attack_expired_ecdsa_key_pem expired-ecdsa.key.pem
demo_pki_attack.c tls_attack_wrong_host_cert_pem wrong-host.crt.pem
demo_pki_attack.c tls_attack_wrong_host_key_pem wrong-host.key.pem
demo_pki_attack.c tls_attack_wrong_host_ecdsa_cert_pem wrong-host-ecdsa.crt.pem
demo_pki_attack.c tls_attack_wrong_host_ecdsa_key_pem wrong-host-ecdsa.key.pem
LIST
}

# The header of each generated C file: what it holds, and its header.
c_head() {
    case $1 in
    demo_pki.c) set -- "$1" "the demo PKI" pki.h ;;
    *) set -- "$1" "the attack lab's certificates" pki_attack.h ;;
    esac
    cat <<HEAD
/*
 * $1: $2 embedded as C strings (see include/tlssim/$3).
 *
 * GENERATED by src/core/pki/make-demo-pki.sh from the PEM files in
 * src/core/pki/; do not edit by hand (run "make-demo-pki.sh --embed-only").
 *
 * DEMO ONLY - NOT FOR PRODUCTION: these keys are public.
 */
#include "tlssim/$3"

HEAD
}

# One generated C file (demo_pki.c or demo_pki_attack.c) to stdout.
print_embed() {
    local want=$1 c name file sep=''
    c_head "$want"
    while read -r c name file; do
        [[ $c == "$want" ]] || continue
        printf '%sconst char %s[] =\n' "$sep" "$name"
        c_literal "$here/$file"
        printf '    ;\n'
        sep=$'\n'
    done < <(embedded)
}

c_files=(demo_pki.c demo_pki_attack.c)

embed() {
    local c tmp
    for c in "${c_files[@]}"; do
        tmp="$here/../$c.tmp.$$"
        print_embed "$c" > "$tmp"
        mv "$tmp" "$here/../$c"
    done
}

check() {
    local c
    for c in "${c_files[@]}"; do
        print_embed "$c" | cmp -s - "$here/../$c" \
            || die "src/core/$c is stale: run make-demo-pki.sh --embed-only"
    done
}

case "${1:-}" in
    "") generate all '.*'; embed ;;
    --missing) generate missing '.*'; embed ;;
    --client) generate all 'client|client-ecdsa'; embed ;;
    --embed-only) embed ;;
    --print-embed) for c in "${c_files[@]}"; do print_embed "$c"; done ;;
    --check) check ;;
    *) die "unknown option $1 (see the comment at the top)" ;;
esac
