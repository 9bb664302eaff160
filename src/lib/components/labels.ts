import { m } from '$lib/paraglide/messages';
import { formatNumber, type Locale } from '$lib/i18n/format';

/**
 * Person-facing names of enum values. Each message is named here (not looked up by a computed
 * key), so a page's bundle carries these few dozen messages, not the whole catalogue.
 */
const names = {
	site_kind: {
		technopark: m.site_kind_technopark,
		growth_center: m.site_kind_growth_center,
		creative_hub: m.site_kind_creative_hub,
		coding_factory: m.site_kind_coding_factory,
		sez: m.site_kind_sez
	},
	org_kind: {
		startup: m.org_kind_startup,
		studio: m.org_kind_studio,
		company: m.org_kind_company,
		bumn: m.org_kind_bumn,
		university: m.org_kind_university,
		government: m.org_kind_government,
		community: m.org_kind_community,
		media: m.org_kind_media,
		association: m.org_kind_association
	},
	role: {
		network_admin: m.role_network_admin,
		site_manager: m.role_site_manager,
		site_staff: m.role_site_staff,
		mentor: m.role_mentor,
		reviewer: m.role_reviewer,
		member: m.role_member,
		client: m.role_client
	},
	tenancy_status: {
		applied: m.tenancy_status_applied,
		active: m.tenancy_status_active,
		suspended: m.tenancy_status_suspended,
		ended: m.tenancy_status_ended
	},
	weekday: {
		'1': m.weekday_1,
		'2': m.weekday_2,
		'3': m.weekday_3,
		'4': m.weekday_4,
		'5': m.weekday_5,
		'6': m.weekday_6,
		'7': m.weekday_7
	},
	resource_kind: {
		hall: m.resource_kind_hall,
		meeting_room: m.resource_kind_meeting_room,
		coworking_desk: m.resource_kind_coworking_desk,
		production_floor: m.resource_kind_production_floor,
		studio_animation: m.resource_kind_studio_animation,
		studio_film: m.resource_kind_studio_film,
		studio_sound: m.resource_kind_studio_sound,
		studio_podcast: m.resource_kind_studio_podcast,
		camera: m.resource_kind_camera,
		mocap_stage: m.resource_kind_mocap_stage,
		vr_kit: m.resource_kind_vr_kit,
		printer_3d: m.resource_kind_printer_3d,
		laptop: m.resource_kind_laptop,
		server: m.resource_kind_server,
		gpu_workstation: m.resource_kind_gpu_workstation,
		render_node: m.resource_kind_render_node
	},
	holiday_kind: {
		national: m.holiday_kind_national,
		joint_leave: m.holiday_kind_joint_leave,
		regional: m.holiday_kind_regional
	},
	booking_status: {
		pending: m.booking_status_pending,
		confirmed: m.booking_status_confirmed,
		checked_in: m.booking_status_checked_in,
		cancelled: m.booking_status_cancelled,
		declined: m.booking_status_declined,
		released: m.booking_status_released
	},
	condition: {
		new: m.condition_new,
		good: m.condition_good,
		fair: m.condition_fair,
		needs_repair: m.condition_needs_repair,
		retired: m.condition_retired
	},
	maintenance_kind: {
		inspection: m.maintenance_kind_inspection,
		service: m.maintenance_kind_service,
		repair: m.maintenance_kind_repair,
		calibration: m.maintenance_kind_calibration
	},
	programme_kind: {
		incubation: m.programme_kind_incubation,
		acceleration: m.programme_kind_acceleration,
		pre_incubation: m.programme_kind_pre_incubation,
		internship: m.programme_kind_internship
	},
	milestone_status: {
		open: m.milestone_status_open,
		submitted: m.milestone_status_submitted,
		approved: m.milestone_status_approved,
		changes_requested: m.milestone_status_changes_requested
	},
	report_state: {
		submitted: m.report_state_submitted,
		late: m.report_state_late,
		due: m.report_state_due,
		missing: m.report_state_missing
	},
	kpi_frequency: {
		monthly: m.kpi_frequency_monthly,
		quarterly: m.kpi_frequency_quarterly
	},
	session_mode: {
		online: m.session_mode_online,
		on_site: m.session_mode_on_site
	},
	kpi_type: {
		money: m.kpi_type_money,
		count: m.kpi_type_count,
		text: m.kpi_type_text
	},
	call_state: {
		upcoming: m.call_state_upcoming,
		open: m.call_state_open,
		closed: m.call_state_closed
	},
	resource_class: {
		space: m.resource_class_space,
		equipment: m.resource_class_equipment,
		compute: m.resource_class_compute
	},
	course_level: {
		beginner: m.course_level_beginner,
		intermediate: m.course_level_intermediate,
		advanced: m.course_level_advanced
	},
	course_language: {
		id: m.course_language_id,
		en: m.course_language_en
	},
	class_state: {
		upcoming: m.class_state_upcoming,
		running: m.class_state_running,
		ended: m.class_state_ended
	},
	enrolment_status: {
		pending: m.enrolment_status_pending,
		enrolled: m.enrolment_status_enrolled,
		waitlisted: m.enrolment_status_waitlisted,
		cancelled: m.enrolment_status_cancelled,
		declined: m.enrolment_status_declined
	},
	assessment_kind: {
		test: m.assessment_kind_test,
		practical: m.assessment_kind_practical,
		project: m.assessment_kind_project
	},
	outcome: {
		in_progress: m.outcome_in_progress,
		completed: m.outcome_completed,
		not_completed: m.outcome_not_completed
	},
	verify_state: {
		valid: m.verify_state_valid,
		revoked: m.verify_state_revoked,
		expired: m.verify_state_expired,
		tampered: m.verify_state_tampered,
		unknown_issuer: m.verify_state_unknown_issuer,
		malformed: m.verify_state_malformed
	},
	verify_explain: {
		valid: m.verify_explain_valid,
		revoked: m.verify_explain_revoked,
		expired: m.verify_explain_expired,
		tampered: m.verify_explain_tampered,
		unknown_issuer: m.verify_explain_unknown_issuer,
		malformed: m.verify_explain_malformed
	},
	attendance_method: {
		list: m.attendance_method_list,
		qr: m.attendance_method_qr
	},
	allowance_unit: {
		hours: m.allowance_unit_hours,
		credits: m.allowance_unit_credits
	},
	bookable_by: {
		site_members: m.bookable_by_site_members,
		tenants: m.bookable_by_tenants,
		roles: m.bookable_by_roles,
		public: m.bookable_by_public
	},
	application_status: {
		draft: m.application_status_draft,
		submitted: m.application_status_submitted,
		withdrawn: m.application_status_withdrawn,
		accepted: m.application_status_accepted,
		rejected: m.application_status_rejected
	},
	subsector: {
		app: m.subsector_app,
		game: m.subsector_game,
		film_animation_video: m.subsector_film_animation_video,
		music: m.subsector_music,
		publishing: m.subsector_publishing,
		advertising: m.subsector_advertising,
		tv_radio: m.subsector_tv_radio,
		photography: m.subsector_photography,
		visual_communication_design: m.subsector_visual_communication_design,
		product_design: m.subsector_product_design,
		interior_design: m.subsector_interior_design,
		architecture: m.subsector_architecture,
		fashion: m.subsector_fashion,
		craft: m.subsector_craft,
		culinary: m.subsector_culinary,
		performing_arts: m.subsector_performing_arts,
		fine_arts: m.subsector_fine_arts
	},
	field_type: {
		short_text: m.ftype_short_text,
		long_text: m.ftype_long_text,
		number: m.ftype_number,
		money: m.ftype_money,
		date: m.ftype_date,
		choice: m.ftype_choice,
		multi_choice: m.ftype_multi_choice,
		url: m.ftype_url,
		email: m.ftype_email,
		team: m.ftype_team,
		file: m.ftype_file
	}
} satisfies Record<string, Record<string, () => string>>;

export const label = (prefix: keyof typeof names, value: string): string => (names[prefix] as Record<string, (() => string) | undefined>)[value]?.() ?? value;

/** An amount of an allowance as people read it: "1,5 jam", "12 kredit". */
export const inUnit = (unit: 'hours' | 'credits', n: number, locale: Locale): string => (unit === 'credits' ? m.amount_credits : m.amount_hours)({ n: formatNumber(n, locale) });
