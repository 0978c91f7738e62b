"""The admin passphrase rule: long enough, not the demo's, not one of the most common passphrases."""

from __future__ import annotations

from forms.errors import InputError

MIN_LENGTH = 10
"""A real campaign's passphrase guards reopening, restore and the results: ten characters at least."""

DEMO_PASSPHRASE = "kaoping-demo"
"""The demo's passphrase: printed in the README and by `kaoping demo`, so it guards nothing."""

_COMMON_TEXT = """
000000 00000000 0000000000 0123456789 1111 11111 111111 1111111 11111111 111111111 1111111111 112233
11223344 112233445566 121212 123123 123123123 123321 1234 12341234 12344321 12345 123456 1234561
1234567 12345678 123456789 1234567890 123456789012 1234567891 12345678910 123456789a 123456a
123456abc 1234abcd 1234qwer 123654 123abc 123qwe 12qwaszx 131313 1314520 1314521 147258 147258369
159357 159753 1a2b3c4d 1q2w3e4r 1q2w3e4r5t 1qaz2wsx 1qaz2wsx3edc 2000 222222 314159 31415926 321321
333333 444444 5201314 520520 5211314 521521 555555 654321 666666 66666666 666666666 696969 741852963
7758521 777777 7777777 888888 88888888 88888888888 963852741 987654321 9876543210 999999 99999999
a12345 a123456 a12345678 a123456789 a1b2c3 a1b2c3d4 aa123456 aaa111 aaaaaa abc123 abc12345 abc123456
abcd1234 abcdef abcdefg access admin admin123 admin888 amanda andrew asd123 asd123456 asdasd
asdf1234 asdfasdf asdfgh asdfghjkl ashley austin baseball baseball1 batman biteme buster caonima
charlie cheese chelsea computer dallas daniel dragon flower football football1 freedom george ginger
guest harley hello hello123 hockey hunter iloveyou iloveyou1 iloveyou2 jennifer jessica jordan
joshua kaoping kaoping-demo kaoping123 kaoping2026 killer klaster letmein letmein1 li123456 love
lovely loveme maggie master master1 matrix matthew michael michelle mobilemail mom monitor
monitoring monkey montana moon moscow mustang nicole p@ssw0rd pass passw0rd password password1
password12 password123 pepper princess princess1 q1w2e3r4 q1w2e3r4t5 qazwsx qazwsxedc qq123456
qq123456789 qwe123 qwe123456 qweasd qweasdzxc qwer1234 qwerty qwertyuiop ranger robert root root123
secret shadow soccer starwars summer sunshine sunshine1 superman taylor test test123 thomas thunder
tigger trustno1 wang123456 welcome welcome1 woaini woaini123 woaini1314 woaini520 yankees zaq12wsx
zhang123 zxc123 zxcvbn zxcvbnm
"""
COMMON = frozenset(_COMMON_TEXT.split())
"""About two hundred of the most used passphrases (public leak lists, Chinese and Western), lower-case."""


def passphrase_problem(passphrase: str, demo: bool = False) -> InputError | None:
    """Why `passphrase` may not guard a campaign (None when it may); the demo only needs a non-empty one."""
    if demo:
        return None if passphrase else InputError("trust.passphrase.short", min=MIN_LENGTH)
    if passphrase.strip().lower() == DEMO_PASSPHRASE:
        return InputError("trust.passphrase.demo")
    if len(passphrase) < MIN_LENGTH:
        return InputError("trust.passphrase.short", min=MIN_LENGTH)
    if passphrase.strip().lower() in COMMON or len(set(passphrase)) < 3:
        return InputError("trust.passphrase.common")
    return None


def check_passphrase_strength(passphrase: str, demo: bool = False) -> None:
    """Raise the `InputError` of `passphrase_problem` when there is one."""
    problem = passphrase_problem(passphrase, demo)
    if problem is not None:
        raise problem
