package l10n

// The tables below were measured against Chromium 156 (see locale.go); keep
// them sorted. Each is one space-separated string, with a space at both ends,
// so that a lookup is a substring search and the package has no mutable
// state.

// knownLocales are the names Chrome accepts as default_locale and reads
// _locales/<name> under: the legacy ICU names of the locales its ICU data
// supports. Measured by loading an extension with each of them as its
// default locale.
const knownLocales = " " +
	"af af_NA af_ZA ak ak_GH am am_ET an ar ar_AE ar_BH ar_DJ ar_DZ ar_EG ar_EH ar_ER ar_IL " +
	"ar_IQ ar_JO ar_KM ar_KW ar_LB ar_LY ar_MA ar_MR ar_OM ar_PS ar_QA ar_SA ar_SD ar_SO ar_SS " +
	"ar_SY ar_TD ar_TN ar_YE as as_IN ast ast_ES az az_Cyrl az_Cyrl_AZ az_Latn az_Latn_AZ be " +
	"be_BY bg bg_BG bho bho_IN bm bm_ML bn bn_BD bn_IN br br_FR bs bs_Cyrl bs_Cyrl_BA bs_Latn " +
	"bs_Latn_BA ca ca_AD ca_ES ca_FR ca_IT ceb ceb_PH chr chr_US ckb ckb_IQ ckb_IR cs cs_CZ cy " +
	"cy_GB da da_DK da_GL de de_AT de_BE de_CH de_DE de_IT de_LI de_LU doi doi_IN ee ee_GH " +
	"ee_TG el el_CY el_GR en en_AE en_AG en_AI en_AS en_AT en_AU en_BB en_BE en_BI en_BM en_BS " +
	"en_BW en_BZ en_CA en_CC en_CH en_CK en_CM en_CX en_CY en_CZ en_DE en_DG en_DK en_DM en_EE " +
	"en_ER en_ES en_FI en_FJ en_FK en_FM en_FR en_GB en_GD en_GE en_GG en_GH en_GI en_GM en_GS " +
	"en_GU en_GY en_HK en_HU en_ID en_IE en_IL en_IM en_IN en_IO en_IT en_JE en_JM en_JP en_KE " +
	"en_KI en_KN en_KY en_LC en_LR en_LS en_LT en_LV en_MG en_MH en_MO en_MP en_MS en_MT en_MU " +
	"en_MV en_MW en_MY en_NA en_NF en_NG en_NL en_NO en_NR en_NU en_NZ en_PG en_PH en_PK en_PL " +
	"en_PN en_PR en_PT en_PW en_RO en_RW en_SB en_SC en_SD en_SE en_SG en_SH en_SI en_SK en_SL " +
	"en_SS en_SX en_SZ en_TC en_TK en_TO en_TT en_TV en_TZ en_UA en_UG en_UM en_US en_VC en_VG " +
	"en_VI en_VU en_WS en_ZA en_ZM en_ZW eo es es_419 es_AR es_BO es_BR es_BZ es_CL es_CO " +
	"es_CR es_CU es_DO es_EA es_EC es_ES es_GQ es_GT es_HN es_IC es_MX es_NI es_PA es_PE es_PH " +
	"es_PR es_PY es_SV es_US es_UY es_VE et et_EE eu eu_ES fa fa_AF fa_IR fi fi_FI fil fil_PH " +
	"fo fo_DK fo_FO fr fr_BE fr_BF fr_BI fr_BJ fr_BL fr_CA fr_CD fr_CF fr_CG fr_CH fr_CI fr_CM " +
	"fr_DJ fr_DZ fr_FR fr_GA fr_GF fr_GN fr_GP fr_GQ fr_HT fr_KM fr_LU fr_MA fr_MC fr_MF fr_MG " +
	"fr_ML fr_MQ fr_MR fr_MU fr_NC fr_NE fr_PF fr_PM fr_RE fr_RW fr_SC fr_SN fr_SY fr_TD fr_TG " +
	"fr_TN fr_VU fr_WF fr_YT fy fy_NL ga ga_GB ga_IE gd gd_GB gl gl_ES gu gu_IN ha ha_GH ha_NE " +
	"ha_NG haw haw_US he he_IL hi hi_IN hi_Latn hi_Latn_IN hr hr_BA hr_HR hu hu_HU hy hy_AM ia " +
	"id id_ID ig ig_NG is is_IS it it_CH it_IT it_SM it_VA ja ja_JP jv jv_ID ka ka_GE kk " +
	"kk_Arab kk_Arab_CN kk_Cyrl kk_Cyrl_KZ kk_KZ km km_KH kn kn_IN ko ko_CN ko_KP ko_KR kok " +
	"kok_Deva kok_Deva_IN kok_Latn kok_Latn_IN ku ku_Latn ku_Latn_IQ ku_Latn_SY ku_Latn_TR " +
	"ku_TR ky ky_KG lb lb_LU lg lg_UG ln ln_AO ln_CD ln_CF ln_CG lo lo_LA lt lt_LT lv lv_LV " +
	"mai mai_IN mg mg_MG mi mi_NZ mk mk_MK ml ml_IN mn mn_MN mni mni_Beng mni_Beng_IN mr mr_IN " +
	"ms ms_BN ms_ID ms_MY ms_SG mt mt_MT my my_MM nb nb_NO nb_SJ ne ne_IN ne_NP nl nl_AW nl_BE " +
	"nl_BQ nl_CW nl_NL nl_SR nl_SX nn nn_NO no nso nso_ZA oc oc_ES oc_FR om om_ET om_KE or " +
	"or_IN pa pa_Arab pa_Arab_PK pa_Guru pa_Guru_IN pl pl_PL ps ps_AF ps_PK pt pt_AO pt_BR " +
	"pt_CH pt_CV pt_GQ pt_GW pt_LU pt_MO pt_MZ pt_PT pt_ST pt_TL qu qu_BO qu_EC qu_PE rm rm_CH " +
	"ro ro_MD ro_RO ru ru_BY ru_KG ru_KZ ru_MD ru_RU ru_UA rw rw_RW sa sa_IN sd sd_Arab " +
	"sd_Arab_PK sd_Deva sd_Deva_IN si si_LK sk sk_SK sl sl_SI sn sn_ZW so so_DJ so_ET so_KE " +
	"so_SO sq sq_AL sq_MK sq_XK sr sr_Cyrl sr_Cyrl_BA sr_Cyrl_ME sr_Cyrl_RS sr_Cyrl_XK sr_Latn " +
	"sr_Latn_BA sr_Latn_ME sr_Latn_RS sr_Latn_XK st st_LS st_ZA su su_Latn su_Latn_ID sv sv_AX " +
	"sv_FI sv_SE sw sw_CD sw_KE sw_TZ sw_UG ta ta_IN ta_LK ta_MY ta_SG te te_IN tg tg_TJ th " +
	"th_TH ti ti_ER ti_ET tk tk_TM tn tn_BW tn_ZA to to_TO tr tr_CY tr_TR tt tt_RU ug ug_CN uk " +
	"uk_UA ur ur_IN ur_PK uz uz_Arab uz_Arab_AF uz_Cyrl uz_Cyrl_UZ uz_Latn uz_Latn_UZ vi vi_VN " +
	"wa wo wo_SN xh xh_ZA yi yi_UA yo yo_BJ yo_NG zh zh_CN zh_Hans zh_Hans_CN zh_Hans_HK " +
	"zh_Hans_MO zh_Hans_MY zh_Hans_SG zh_Hant zh_Hant_HK zh_Hant_MO zh_Hant_MY zh_Hant_TW " +
	"zh_TW zu zu_ZA "

// folderOnlyLocales are names Chrome checks for a messages.json when they
// name a folder under _locales, but refuses as default_locale.
const folderOnlyLocales = " en_US_POSIX "

// languageAliases map the deprecated and three-letter language codes that
// Chrome's ICU replaces when it reads a folder name as a language tag, as
// "old=new" pairs.
const languageAliases = " " +
	"afr=af aka=ak alb=sq amh=am ara=ar arg=an arm=hy asm=as aze=az bam=bm baq=eu bel=be " +
	"ben=bn bos=bs bre=br bul=bg bur=my cat=ca ces=cs chi=zh cym=cy cze=cs dan=da deu=de " +
	"dut=nl ell=el eng=en epo=eo est=et eus=eu ewe=ee fao=fo fas=fa fin=fi fra=fr fre=fr " +
	"fry=fy geo=ka ger=de gla=gd gle=ga glg=gl gre=el guj=gu hau=ha heb=he hin=hi hrv=hr " +
	"hun=hu hye=hy ibo=ig ice=is in=id ina=ia ind=id isl=is ita=it iw=he jav=jv ji=yi jpn=ja " +
	"jw=jv kan=kn kat=ka kaz=kk khm=km kin=rw kir=ky kor=ko kur=ku lao=lo lav=lv lin=ln lit=lt " +
	"ltz=lb lug=lg mac=mk mal=ml mao=mi mar=mr may=ms mkd=mk mlg=mg mlt=mt mo=ro mon=mn mri=mi " +
	"msa=ms mya=my nep=ne nld=nl nno=nn nob=nb nor=no oci=oc ori=or orm=om pan=pa per=fa " +
	"pol=pl por=pt pus=ps que=qu roh=rm ron=ro rum=ro rus=ru san=sa sin=si slk=sk slo=sk " +
	"slv=sl sna=sn snd=sd som=so sot=st spa=es sqi=sq srp=sr sun=su swa=sw swe=sv tam=ta " +
	"tat=tt tel=te tgk=tg tha=th tir=ti tl=fil ton=to tsn=tn tuk=tk tur=tr uig=ug ukr=uk " +
	"urd=ur uzb=uz vie=vi wel=cy wln=wa wol=wo xho=xh yid=yi yor=yo zho=zh zul=zu "

// regionAliases map the withdrawn region codes that ICU replaces with a
// single region, as "old=new" pairs. Codes whose replacement depends on the
// language (SU, AN, NT) are left out.
const regionAliases = " " +
	"BU=MM CS=RS CT=KI DD=DE DY=BJ FX=FR HV=BF JT=UM MI=UM NH=VU PC=FM PU=UM RH=ZW TP=TL VD=VN " +
	"WK=UM YD=YE YU=RS ZR=CD "
