"""What the downstream readers see in IdP metadata, many documents per process.

stdin: one JSON object per line {"id": str, "b64": base64 of the bytes, "entityId": str|null}.
stdout: one JSON object per line with, for libxml2 (lxml, as python3-saml parses) and expat (as
pysaml2 parses), whether the bytes parse, and python3-saml's reading
(OneLogin_Saml2_IdPMetadataParser.parse): entityID, the first SingleSignOnService Location per
binding, and the signing certificates its XPath selects, whitespace removed.
"""
import base64
import json
import sys
import xml.parsers.expat

from lxml import etree

NS = {'md': 'urn:oasis:names:tc:SAML:2.0:metadata', 'ds': 'http://www.w3.org/2000/09/xmldsig#'}
POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST'
REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect'


def expat_ok(data):
    p = xml.parsers.expat.ParserCreate()
    try:
        p.Parse(data, True)
        return True
    except Exception:
        return False


def python3_saml(root, entity_id):
    # python3-saml: '//md:EntityDescriptor' (or the one with the given entityID), first match.
    if entity_id is None:
        eds = root.xpath('//md:EntityDescriptor', namespaces=NS)
    else:
        eds = [e for e in root.xpath('//md:EntityDescriptor', namespaces=NS) if e.get('entityID') == entity_id]
    if not eds:
        return None
    ed = eds[0]
    idps = ed.xpath('./md:IDPSSODescriptor', namespaces=NS)
    if not idps:
        return None
    idp = idps[0]

    def sso(binding):
        nodes = idp.xpath("./md:SingleSignOnService[@Binding='%s']" % binding, namespaces=NS)
        return nodes[0].get('Location') if nodes else None

    certs = idp.xpath("./md:KeyDescriptor[not(contains(@use, 'encryption'))]/ds:KeyInfo/ds:X509Data/ds:X509Certificate", namespaces=NS)
    return {
        'entityId': ed.get('entityID'),
        'post': sso(POST),
        'redirect': sso(REDIRECT),
        'signing': [''.join((c.text or '').split()) for c in certs],
    }


def main():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    for line in sys.stdin:
        req = json.loads(line)
        data = base64.b64decode(req['b64'])
        out = {'id': req['id'], 'expat': expat_ok(data)}
        try:
            root = etree.fromstring(data, parser=parser)
            out['libxml2'] = True
            out['saml'] = python3_saml(root, req.get('entityId'))
        except Exception as e:  # any libxml2 error: python3-saml cannot read the document
            out['libxml2'] = False
            out['error'] = str(e)[:200]
        sys.stdout.write(json.dumps(out) + '\n')


main()
